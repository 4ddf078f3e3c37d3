import { z } from 'zod';

/**
 * Building blocks for response schemas. Objects are loose (Amazon adds fields) and
 * states/reason codes are open unions (Amazon adds values).
 */

/** `'A' | 'B' | (string & {})`: the known values autocomplete, unknown ones still parse. */
export type Open<T extends string> = T | (string & {});

export function openString<T extends string>(): z.ZodType<Open<T>> {
  return z.string();
}

/** Amazon sends `null` for absent values as often as it omits them. */
export const nullableString = z.string().nullish();

/** Amounts stay Amazon's decimal strings here; lib/money.ts converts at the edge. */
export const priceSchema = z.looseObject({ amount: z.string(), currencyCode: z.string() });
export type AmazonPriceResponse = z.infer<typeof priceSchema>;

export const addressSchema = z.looseObject({
  name: nullableString,
  addressLine1: nullableString,
  addressLine2: nullableString,
  addressLine3: nullableString,
  city: nullableString,
  county: nullableString,
  district: nullableString,
  stateOrRegion: nullableString,
  postalCode: nullableString,
  countryCode: nullableString,
  phoneNumber: nullableString,
});
export type Address = z.infer<typeof addressSchema>;

/** A string holding JSON that `schema` then parses; `notJson` is the issue raised when the string is not JSON. */
export function jsonEncoded<S extends z.ZodType>(schema: S, notJson: string) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: notJson });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/** Each element of shippingAddressList is a JSON string holding an address (every official SDK parses each one). */
export const jsonEncodedAddressSchema = jsonEncoded(addressSchema, 'shippingAddressList element is not JSON');

export const buyerSummarySchema = z.looseObject({
  buyerId: nullableString,
  name: nullableString,
  email: nullableString,
  phoneNumber: nullableString,
  primeMembershipTypes: z.array(z.string()).nullish(),
});

export const merchantMetadataSchema = z.looseObject({
  merchantReferenceId: nullableString,
  merchantStoreName: nullableString,
  noteToBuyer: nullableString,
  customInformation: nullableString,
});

export const paymentPreferenceSchema = z.looseObject({ paymentDescriptor: nullableString });

export const providerMetadataSchema = z.looseObject({ providerReferenceId: nullableString });

export const releaseEnvironmentSchema = openString<'Sandbox' | 'Live'>();

/** Who pays and where it ships, as a checkout session hands it on to its charge permission. */
export const buyerDetailsShape = {
  buyer: buyerSummarySchema.nullish(),
  shippingAddress: addressSchema.nullish(),
  billingAddress: addressSchema.nullish(),
  paymentPreferences: z.array(paymentPreferenceSchema).nullish(),
};

/** The fields checkout sessions, charge permissions and charges all carry. */
export const lifecycleShape = {
  merchantMetadata: merchantMetadataSchema.nullish(),
  creationTimestamp: nullableString,
  expirationTimestamp: nullableString,
  platformId: nullableString,
  releaseEnvironment: releaseEnvironmentSchema.nullish(),
};

export type ReasonCode = Open<
  | 'AmazonCanceled'
  | 'AmazonClosed'
  | 'AmazonRejected'
  | 'BuyerCanceled'
  | 'BuyerClosed'
  | 'Declined'
  | 'Expired'
  | 'ExpiredUnused'
  | 'HardDeclined'
  | 'MerchantCanceled'
  | 'MerchantClosed'
  | 'SoftDeclined'
  | 'ProcessingFailure'
  | 'TransactionAmountExceeded'
  | 'TransactionTimedOut'
>;

export const reasonCodeSchema = openString<ReasonCode>().nullish();

/** Status details with a single reason, as on sessions, charges and refunds. */
export function statusDetailsSchema<S extends string>() {
  return z.looseObject({
    state: openString<S>(),
    reasonCode: reasonCodeSchema,
    reasonDescription: nullableString,
    lastUpdatedTimestamp: nullableString,
  });
}
