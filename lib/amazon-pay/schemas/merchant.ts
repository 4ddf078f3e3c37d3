import { z } from 'zod';
import { addressSchema, nullableString } from './common';

// https://developer.amazon.com/docs/amazon-pay-api-v2/buyer.html
export const buyerSchema = z.looseObject({
  buyerId: z.string(),
  name: nullableString,
  email: nullableString,
  postalCode: nullableString,
  countryCode: nullableString,
  phoneNumber: nullableString,
  shippingAddress: addressSchema.nullish(),
  billingAddress: addressSchema.nullish(),
  primeMembershipTypes: z.array(z.string()).nullish(),
});
export type Buyer = z.infer<typeof buyerSchema>;

// Shapes Amazon does not document fully: keep them loose.
export const deliveryTrackerSchema = z.looseObject({
  amazonOrderReferenceId: nullableString,
  chargePermissionId: nullableString,
  trackingNumber: nullableString,
  deliveryDetails: z.array(z.looseObject({})).nullish(),
});
export type DeliveryTrackerResult = z.infer<typeof deliveryTrackerSchema>;

export const authorizationTokenSchema = z.looseObject({ authToken: nullableString });
export type AuthorizationTokenResult = z.infer<typeof authorizationTokenSchema>;
