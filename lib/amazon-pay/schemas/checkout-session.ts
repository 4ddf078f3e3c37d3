import { z } from 'zod';
import {
  addressSchema,
  buyerDetailsShape,
  jsonEncodedAddressSchema,
  lifecycleShape,
  nullableString,
  openString,
  priceSchema,
  providerMetadataSchema,
  statusDetailsSchema,
} from './common';

// https://developer.amazon.com/docs/amazon-pay-api-v2/checkout-session.html
export const checkoutSessionSchema = z.looseObject({
  checkoutSessionId: z.string(),
  ...lifecycleShape,
  webCheckoutDetails: z
    .looseObject({
      checkoutReviewReturnUrl: nullableString,
      checkoutResultReturnUrl: nullableString,
      checkoutCancelUrl: nullableString,
      amazonPayRedirectUrl: nullableString,
      checkoutMode: nullableString,
    })
    .nullish(),
  productType: openString<'PayAndShip' | 'PayOnly' | 'PayAndShipMultiAddress'>().nullish(),
  paymentDetails: z
    .looseObject({
      paymentIntent: openString<'Confirm' | 'Authorize' | 'AuthorizeWithCapture'>().nullish(),
      canHandlePendingAuthorization: z.boolean().nullish(),
      chargeAmount: priceSchema.nullish(),
      totalOrderAmount: priceSchema.nullish(),
      softDescriptor: nullableString,
      presentmentCurrency: nullableString,
      allowOvercharge: z.boolean().nullish(),
      extendExpiration: z.boolean().nullish(),
    })
    .nullish(),
  chargePermissionType: openString<'OneTime' | 'Recurring' | 'PaymentMethodOnFile'>().nullish(),
  ...buyerDetailsShape,
  // JSON-encoded strings, as every official SDK parses them; an already-decoded object is accepted too.
  shippingAddressList: z.array(z.union([jsonEncodedAddressSchema, addressSchema])).nullish(),
  statusDetails: statusDetailsSchema<'Open' | 'Completed' | 'Canceled'>(),
  constraints: z.array(z.looseObject({ constraintId: z.string(), description: nullableString })).nullish(),
  chargePermissionId: nullableString,
  chargeId: nullableString,
  storeId: nullableString,
  providerMetadata: providerMetadataSchema.nullish(),
});
export type CheckoutSession = z.infer<typeof checkoutSessionSchema>;
