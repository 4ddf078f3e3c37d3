import { z } from 'zod';
import { fromAmazonPrice, MoneyError, type Money } from '@/lib/money';
import { missingField, SandboxHttpError } from './http';

/**
 * Every request body is a strict object: a field Amazon does not list, or a misspelled
 * one (`merchantMetaData`), is 400 UnrecognizedField, never silently dropped
 * (https://developer.amazon.com/docs/amazon-pay-api-v2/error-handling.html,
 * https://github.com/amzn/amazon-pay-api-sdk-php/issues/9). Field lists follow the official
 * .NET SDK's request classes (https://github.com/amzn/amazon-pay-api-sdk-dotnet, WebStore/).
 */

/** Requests may carry amounts as strings or numbers; .NET sends numbers (its Converters/DecimalJsonConverter.cs). */
export const priceSchema = z.strictObject({ amount: z.union([z.string(), z.number()]), currencyCode: z.string() });
export type PriceInput = z.infer<typeof priceSchema>;

/** SFCC and WooCommerce send empty strings and nulls for fields they have no value for. */
const text = z.string().nullish();

export const merchantMetadataSchema = z.strictObject({
  merchantReferenceId: text,
  merchantStoreName: z.string().max(50).nullish(),
  noteToBuyer: text,
  customInformation: text,
});

export const providerMetadataSchema = z.strictObject({ providerReferenceId: text });

export const webCheckoutDetailsSchema = z.strictObject({
  checkoutReviewReturnUrl: z.string().url().optional(),
  checkoutResultReturnUrl: z.string().url().optional(),
  checkoutCancelUrl: z.string().url().optional(),
  checkoutMode: z.string().optional(),
});

const paymentIntentSchema = z.enum(['Confirm', 'Authorize', 'AuthorizeWithCapture']);

export const paymentDetailsSchema = z.strictObject({
  paymentIntent: paymentIntentSchema.optional(),
  canHandlePendingAuthorization: z.boolean().optional(),
  chargeAmount: priceSchema.optional(),
  totalOrderAmount: priceSchema.optional(),
  softDescriptor: z.string().max(16).optional(),
  presentmentCurrency: z.string().optional(),
  allowOvercharge: z.boolean().optional(),
  extendExpiration: z.boolean().optional(),
});

export const recurringMetadataSchema = z.strictObject({
  frequency: z
    .strictObject({
      unit: z.enum(['Year', 'Month', 'Week', 'Day', 'Variable']),
      value: z.union([z.number(), z.string()]),
    })
    .optional(),
  amount: priceSchema.optional(),
});

export const deliverySpecificationsSchema = z.strictObject({
  specialRestrictions: z.array(z.enum(['RestrictPOBoxes', 'RestrictPackstations'])).optional(),
  addressRestrictions: z
    .strictObject({
      type: z.enum(['Allowed', 'NotAllowed']),
      restrictions: z.record(
        z.string(),
        z.strictObject({ statesOrRegions: z.array(z.string()).optional(), zipCodes: z.array(z.string()).optional() }),
      ),
    })
    .optional(),
});

/** Address fields as the SDKs send them: any may be null (Node SDK README sends `county: null`). */
const addressFields = {
  name: text,
  addressLine1: text,
  addressLine2: text,
  addressLine3: text,
  city: text,
  county: text,
  district: text,
  stateOrRegion: text,
  postalCode: text,
  countryCode: text,
  phoneNumber: text,
};
export const addressInputSchema = z.strictObject(addressFields);
export type AddressInput = z.infer<typeof addressInputSchema>;

/** The additional payment button's address (.NET AddressDetails.cs: the address fields plus districtOrCounty). */
export const addressDetailsSchema = z.strictObject({ ...addressFields, districtOrCounty: text });

/** Buyer data a Checkout Session may ask for (.NET CheckoutSessionScope.cs). */
export const CHECKOUT_SCOPES = [
  'name',
  'email',
  'postalCode',
  'shippingAddress',
  'phoneNumber',
  'primeStatus',
  'billingAddress',
] as const;
export type CheckoutScope = (typeof CHECKOUT_SCOPES)[number];

/** UpdateCheckoutSessionRequest.cs. */
export const updateCheckoutSessionSchema = z.strictObject({
  webCheckoutDetails: webCheckoutDetailsSchema.optional(),
  paymentDetails: paymentDetailsSchema.optional(),
  merchantMetadata: merchantMetadataSchema.optional(),
  supplementaryData: z.string().nullable().optional(),
  platformId: z.string().optional(),
  providerMetadata: providerMetadataSchema.optional(),
  chargePermissionType: z.enum(['OneTime', 'Recurring', 'PaymentMethodOnFile']).optional(),
  recurringMetadata: recurringMetadataSchema.optional(),
  multiAddressesCheckoutMetadata: z.array(z.strictObject({ addressId: z.string(), price: priceSchema })).optional(),
});

/** CreateCheckoutSessionRequest.cs: Update's fields plus these. */
export const createCheckoutSessionSchema = updateCheckoutSessionSchema.extend({
  storeId: z.string().min(1),
  deliverySpecifications: deliverySpecificationsSchema.optional(),
  addressDetails: addressDetailsSchema.optional(),
  scopes: z.array(z.enum(CHECKOUT_SCOPES)).optional(),
  paymentMethodOnFileMetadata: z.strictObject({ setupOnly: z.boolean().optional() }).optional(),
  chargePermissionId: z.string().optional(),
});

export const completeCheckoutSessionSchema = z.strictObject({
  chargeAmount: priceSchema,
  totalOrderAmount: priceSchema.optional(),
});

/** Finalize's body (the .NET SDK's FinalizeCheckoutSessionRequest.cs); the Node SDK sends `billingAddress: null`. */
export const finalizeCheckoutSessionSchema = z.strictObject({
  shippingAddress: addressInputSchema.nullish(),
  billingAddress: addressInputSchema.nullish(),
  chargeAmount: priceSchema,
  totalOrderAmount: priceSchema.nullish(),
  paymentIntent: paymentIntentSchema,
  canHandlePendingAuthorization: z.boolean().optional(),
  supplementaryData: z.string().nullish(),
});

/** CreateChargeRequest.cs. */
export const createChargeSchema = z.strictObject({
  chargePermissionId: z.string().min(1),
  chargeAmount: priceSchema,
  captureNow: z.boolean().optional(),
  softDescriptor: z.string().max(16).optional(),
  canHandlePendingAuthorization: z.boolean().optional(),
  merchantMetadata: merchantMetadataSchema.optional(),
  providerMetadata: providerMetadataSchema.optional(),
  platformId: z.string().optional(),
  chargeInitiator: z.enum(['CITU', 'MITU', 'CITR', 'MITR']).optional(),
  channel: z.enum(['Web', 'Phone', 'App', 'Alexa', 'PointOfSale', 'FireTv', 'Offline', 'Amazon']).optional(),
  webCheckoutDetails: z.strictObject({ checkoutResultReturnUrl: z.string().url() }).optional(),
});

export const captureChargeSchema = z.strictObject({ captureAmount: priceSchema, softDescriptor: z.string().max(16).optional() });
export const cancelChargeSchema = z.strictObject({ cancellationReason: z.string().optional() });
export const createRefundSchema = z.strictObject({
  chargeId: z.string().min(1),
  refundAmount: priceSchema,
  softDescriptor: z.string().max(16).optional(),
});
export const updateChargePermissionSchema = z.strictObject({
  merchantMetadata: merchantMetadataSchema.optional(),
  recurringMetadata: recurringMetadataSchema.optional(),
});
export const closeChargePermissionSchema = z.strictObject({
  closureReason: z.string().optional(),
  cancelPendingCharges: z.boolean().optional(),
});

const trackerSchema = z.strictObject({ trackingNumber: z.string().min(1), carrierCode: z.string().min(1) });

/**
 * The SDK READMEs send `deliveryDetails: [{trackingNumber, carrierCode}]`; the Node
 * SDK's JSDoc puts the two fields at the top level. Both forms are accepted.
 */
export const deliveryTrackerSchema = z.strictObject({
  amazonOrderReferenceId: z.string().optional(),
  chargePermissionId: z.string().optional(),
  deliveryDetails: z.array(trackerSchema).min(1).optional(),
  trackingNumber: z.string().min(1).optional(),
  carrierCode: z.string().min(1).optional(),
});

/**
 * zod failure → Amazon's UnrecognizedField / MissingParameterValue / InvalidParameterValue
 * (https://developer.amazon.com/docs/amazon-pay-api-v2/error-handling.html). An unknown field
 * is named first: a misspelling also leaves the real field missing, and the unknown name is
 * the one the caller has to fix.
 */
export function parseBody<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const unknown = result.error.issues.find((issue) => issue.code === 'unrecognized_keys');
  if (unknown) {
    const field = [...unknown.path, unknown.keys[0] ?? ''].join('.');
    // As Amazon words it: https://github.com/amzn/amazon-pay-api-sdk-php/issues/9
    throw new SandboxHttpError(400, 'UnrecognizedField', `The field '${field}' is invalid for this API.`);
  }
  const issue = result.error.issues[0];
  const path = issue ? issue.path.join('.') : 'body';
  // Judged on the input, not zod's wording: a missing enum is 'invalid_value', not 'invalid_type'.
  const missing = issue !== undefined && valueAt(value, issue.path) === undefined;
  throw missing
    ? missingField(path)
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
