import { z } from 'zod';
import {
  addressSchema,
  buyerSummarySchema,
  jsonEncodedAddressSchema,
  merchantMetadataSchema,
  nullableString,
  openString,
  paymentPreferenceSchema,
  priceSchema,
  providerMetadataSchema,
  releaseEnvironmentSchema,
  statusDetailsSchema,
} from './common';

// https://developer.amazon.com/docs/amazon-pay-api-v2/checkout-session.html
export const checkoutSessionSchema = z.looseObject({
  checkoutSessionId: z.string(),
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
  merchantMetadata: merchantMetadataSchema.nullish(),
  buyer: buyerSummarySchema.nullish(),
  billingAddress: addressSchema.nullish(),
  shippingAddress: addressSchema.nullish(),
  // JSON-encoded strings, as every official SDK parses them; an already-decoded object is accepted too.
  shippingAddressList: z.array(z.union([jsonEncodedAddressSchema, addressSchema])).nullish(),
  paymentPreferences: z.array(paymentPreferenceSchema).nullish(),
  statusDetails: statusDetailsSchema<'Open' | 'Completed' | 'Canceled'>(),
  constraints: z.array(z.looseObject({ constraintId: z.string(), description: nullableString })).nullish(),
  chargePermissionId: nullableString,
  chargeId: nullableString,
  creationTimestamp: nullableString,
  expirationTimestamp: nullableString,
  storeId: nullableString,
  platformId: nullableString,
  providerMetadata: providerMetadataSchema.nullish(),
  releaseEnvironment: releaseEnvironmentSchema.nullish(),
});
export type CheckoutSession = z.infer<typeof checkoutSessionSchema>;
