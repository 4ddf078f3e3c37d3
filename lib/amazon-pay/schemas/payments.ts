import { z } from 'zod';
import {
  buyerDetailsShape,
  lifecycleShape,
  nullableString,
  openString,
  priceSchema,
  providerMetadataSchema,
  reasonCodeSchema,
  releaseEnvironmentSchema,
  statusDetailsSchema,
} from './common';

// https://developer.amazon.com/docs/amazon-pay-api-v2/charge-permission.html: `reasons[]` in place of a single reasonCode.
export const chargePermissionSchema = z.looseObject({
  chargePermissionId: z.string(),
  ...lifecycleShape,
  chargePermissionReferenceId: nullableString,
  ...buyerDetailsShape,
  statusDetails: z.looseObject({
    state: openString<'Chargeable' | 'NonChargeable' | 'Closed'>(),
    reasons: z.array(z.looseObject({ reasonCode: reasonCodeSchema, reasonDescription: nullableString })).nullish(),
    lastUpdatedTimestamp: nullableString,
  }),
  limits: z.looseObject({ amountLimit: priceSchema.nullish(), amountBalance: priceSchema.nullish() }).nullish(),
  chargePermissionType: nullableString,
  presentmentCurrency: nullableString,
});
export type ChargePermission = z.infer<typeof chargePermissionSchema>;

// https://developer.amazon.com/docs/amazon-pay-api-v2/charge.html
export const chargeSchema = z.looseObject({
  chargeId: z.string(),
  ...lifecycleShape,
  chargePermissionId: nullableString,
  chargeAmount: priceSchema.nullish(),
  captureAmount: priceSchema.nullish(),
  refundedAmount: priceSchema.nullish(),
  convertedAmount: priceSchema.nullish(),
  conversionRate: z.union([z.string(), z.number()]).nullish(),
  softDescriptor: nullableString,
  providerMetadata: providerMetadataSchema.nullish(),
  channel: nullableString,
  chargeInitiator: nullableString,
  statusDetails: statusDetailsSchema<
    'AuthorizationInitiated' | 'Authorized' | 'CaptureInitiated' | 'Captured' | 'Canceled' | 'Declined'
  >(),
});
export type Charge = z.infer<typeof chargeSchema>;

// https://developer.amazon.com/docs/amazon-pay-api-v2/refund.html
export const refundSchema = z.looseObject({
  refundId: z.string(),
  chargeId: nullableString,
  refundAmount: priceSchema.nullish(),
  softDescriptor: nullableString,
  creationTimestamp: nullableString,
  statusDetails: statusDetailsSchema<'RefundInitiated' | 'Refunded' | 'Declined'>(),
  releaseEnvironment: releaseEnvironmentSchema.nullish(),
});
export type Refund = z.infer<typeof refundSchema>;
