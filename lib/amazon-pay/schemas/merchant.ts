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

/**
 * Amazon answers `authorizationToken` (the .NET SDK's AuthorizationToken/AuthorizationTokenResponse.cs,
 * https://github.com/amzn/amazon-pay-api-sdk-dotnet); it is required, so an answer without it fails here.
 */
export const authorizationTokenSchema = z.looseObject({ authorizationToken: z.string().min(1) });
export type AuthorizationTokenResult = z.infer<typeof authorizationTokenSchema>;
