import { z } from 'zod';
import { fromAmazonPrice, MoneyError, type Money } from '@/lib/money';
import { SandboxHttpError } from './http';
import type { Address } from './state/types';

/** Requests may carry amounts as strings or numbers; .NET sends numbers (its Converters/DecimalJsonConverter.cs). */
export const priceSchema = z.object({ amount: z.union([z.string(), z.number()]), currencyCode: z.string() });
export type PriceInput = z.infer<typeof priceSchema>;

const looseRecord = z.record(z.string(), z.unknown());

export const webCheckoutDetailsSchema = z.object({
  checkoutReviewReturnUrl: z.string().url().optional(),
  checkoutResultReturnUrl: z.string().url().optional(),
  checkoutCancelUrl: z.string().url().optional(),
  checkoutMode: z.string().optional(),
});

export const paymentDetailsSchema = z.object({
  paymentIntent: z.enum(['Confirm', 'Authorize', 'AuthorizeWithCapture']).optional(),
  canHandlePendingAuthorization: z.boolean().optional(),
  chargeAmount: priceSchema.optional(),
  totalOrderAmount: priceSchema.optional(),
  softDescriptor: z.string().max(16).optional(),
  presentmentCurrency: z.string().optional(),
  allowOvercharge: z.boolean().optional(),
  extendExpiration: z.boolean().optional(),
});

/**
 * addressDetails (additional payment button, checkoutMode ProcessOrder): the address the
 * buyer already gave the merchant, required for physical goods
 * (https://developer.amazon.com/docs/amazon-pay-apb-checkout/additional-payment-button-overview.html).
 * It names the county `districtOrCounty`.
 */
export const addressDetailsSchema = z.object({
  name: z.string().min(1),
  addressLine1: z.string().min(1),
  addressLine2: z.string().nullish(),
  addressLine3: z.string().nullish(),
  city: z.string().nullish(),
  districtOrCounty: z.string().nullish(),
  stateOrRegion: z.string().nullish(),
  postalCode: z.string().nullish(),
  countryCode: z.string().regex(/^[A-Z]{2}$/),
  phoneNumber: z.string().nullish(),
});

/** The session shows addressDetails as its shippingAddress; districtOrCounty becomes `county`. */
export function addressFromDetails(details: z.infer<typeof addressDetailsSchema>): Address {
  return {
    name: details.name,
    addressLine1: details.addressLine1,
    addressLine2: details.addressLine2 ?? null,
    addressLine3: details.addressLine3 ?? null,
    city: details.city ?? '',
    county: details.districtOrCounty ?? null,
    district: null,
    stateOrRegion: details.stateOrRegion ?? null,
    postalCode: details.postalCode ?? '',
    countryCode: details.countryCode,
    phoneNumber: details.phoneNumber ?? null,
  };
}

export const createCheckoutSessionSchema = z.object({
  storeId: z.string().min(1),
  webCheckoutDetails: webCheckoutDetailsSchema.optional(),
  paymentDetails: paymentDetailsSchema.optional(),
  merchantMetadata: looseRecord.optional(),
  chargePermissionType: z.enum(['OneTime', 'Recurring', 'PaymentMethodOnFile']).optional(),
  recurringMetadata: z.unknown().optional(),
  deliverySpecifications: z.unknown().optional(),
  platformId: z.string().optional(),
  productType: z.string().optional(),
  scopes: z.array(z.string()).optional(),
  supplementaryData: z.string().nullable().optional(),
  addressDetails: addressDetailsSchema.optional(),
});

export const updateCheckoutSessionSchema = createCheckoutSessionSchema.omit({ storeId: true }).partial();

export const completeCheckoutSessionSchema = z.object({ chargeAmount: priceSchema, totalOrderAmount: priceSchema.optional() });

/** Address fields as the SDKs send them: any may be null (Node SDK README sends `county: null`). */
export const addressInputSchema = z.object({
  name: z.string().nullish(),
  addressLine1: z.string().nullish(),
  addressLine2: z.string().nullish(),
  addressLine3: z.string().nullish(),
  city: z.string().nullish(),
  county: z.string().nullish(),
  district: z.string().nullish(),
  stateOrRegion: z.string().nullish(),
  postalCode: z.string().nullish(),
  countryCode: z.string().nullish(),
  phoneNumber: z.string().nullish(),
});
export type AddressInput = z.infer<typeof addressInputSchema>;

/** Finalize's body (the .NET SDK's FinalizeCheckoutSessionRequest.cs); the Node SDK sends `billingAddress: null`. */
export const finalizeCheckoutSessionSchema = z.object({
  shippingAddress: addressInputSchema.nullish(),
  billingAddress: addressInputSchema.nullish(),
  chargeAmount: priceSchema,
  totalOrderAmount: priceSchema.nullish(),
  paymentIntent: z.enum(['Confirm', 'Authorize', 'AuthorizeWithCapture']),
  canHandlePendingAuthorization: z.boolean().optional(),
  supplementaryData: z.string().nullish(),
});

export const createChargeSchema = z.object({
  chargePermissionId: z.string().min(1),
  chargeAmount: priceSchema,
  captureNow: z.boolean().optional(),
  softDescriptor: z.string().max(16).optional(),
  canHandlePendingAuthorization: z.boolean().optional(),
  merchantMetadata: looseRecord.optional(),
  platformId: z.string().optional(),
  chargeInitiator: z.string().optional(),
  channel: z.string().optional(),
});

export const captureChargeSchema = z.object({ captureAmount: priceSchema, softDescriptor: z.string().max(16).optional() });
export const cancelChargeSchema = z.object({ cancellationReason: z.string().optional() });
export const createRefundSchema = z.object({
  chargeId: z.string().min(1),
  refundAmount: priceSchema,
  softDescriptor: z.string().max(16).optional(),
});
export const updateChargePermissionSchema = z.object({
  merchantMetadata: looseRecord.optional(),
  recurringMetadata: z.unknown().optional(),
});
export const closeChargePermissionSchema = z.object({
  closureReason: z.string().optional(),
  cancelPendingCharges: z.boolean().optional(),
});

const trackerSchema = z.object({ trackingNumber: z.string().min(1), carrierCode: z.string().min(1) });

/**
 * The SDK READMEs send `deliveryDetails: [{trackingNumber, carrierCode}]`; the Node
 * SDK's JSDoc puts the two fields at the top level. Both forms are accepted.
 */
export const deliveryTrackerSchema = z.object({
  amazonOrderReferenceId: z.string().optional(),
  chargePermissionId: z.string().optional(),
  deliveryDetails: z.array(trackerSchema).min(1).optional(),
  trackingNumber: z.string().min(1).optional(),
  carrierCode: z.string().min(1).optional(),
});

/**
 * zod failure → Amazon's MissingParameterValue / InvalidParameterValue
 * (https://developer.amazon.com/docs/amazon-pay-api-v2/error-handling.html).
 */
export function parseBody<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue ? issue.path.join('.') : 'body';
  // Judged on the input, not zod's wording: a missing enum is 'invalid_value', not 'invalid_type'.
  const missing = issue !== undefined && valueAt(value, issue.path) === undefined;
  throw missing
    ? new SandboxHttpError(400, 'MissingParameterValue', `The mandatory field '${path}' is missing.`)
    : new SandboxHttpError(400, 'InvalidParameterValue', `The value provided for '${path}' is invalid.`);
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export function toMoney(price: PriceInput, field: string): Money {
  try {
    return fromAmazonPrice(price);
  } catch (error) {
    if (error instanceof MoneyError)
      throw new SandboxHttpError(400, 'InvalidParameterValue', `The value provided for '${field}' is invalid: ${error.message}`);
    throw error;
  }
}
