import type { AmazonPrice } from '@/lib/money';

/**
 * Request bodies, as the pages under https://developer.amazon.com/docs/amazon-pay-api-v2/ list them.
 * Amounts are Amazon's decimal strings; build them
 * with toAmazonPrice from lib/money.ts. Index signatures are left out on purpose:
 * a misspelled field should fail to compile, not reach Amazon as UnrecognizedField
 * (https://developer.amazon.com/docs/amazon-pay-api-v2/error-handling.html). Fields Amazon adds later can be added here.
 */

export interface AddressInput {
  name?: string;
  addressLine1?: string;
  addressLine2?: string;
  addressLine3?: string;
  city?: string;
  county?: string;
  district?: string;
  districtOrCounty?: string;
  stateOrRegion?: string;
  postalCode?: string;
  countryCode?: string;
  phoneNumber?: string;
}

export interface MerchantMetadataInput {
  merchantReferenceId?: string;
  merchantStoreName?: string;
  noteToBuyer?: string;
  customInformation?: string;
}

export interface WebCheckoutDetailsInput {
  checkoutReviewReturnUrl?: string;
  checkoutResultReturnUrl?: string;
  checkoutCancelUrl?: string;
  /** Additional payment button flow only (https://github.com/amzn/amazon-pay-api-sdk-php/issues/9). */
  checkoutMode?: 'ProcessOrder';
}

export interface PaymentDetailsInput {
  paymentIntent?: 'Confirm' | 'Authorize' | 'AuthorizeWithCapture';
  canHandlePendingAuthorization?: boolean;
  chargeAmount?: AmazonPrice;
  totalOrderAmount?: AmazonPrice;
  softDescriptor?: string;
  presentmentCurrency?: string;
  allowOvercharge?: boolean;
  extendExpiration?: boolean;
}

export interface DeliverySpecificationsInput {
  specialRestrictions?: Array<'RestrictPOBoxes' | 'RestrictPackstations'>;
  addressRestrictions?: {
    type: 'Allowed' | 'NotAllowed';
    restrictions: Record<string, { statesOrRegions?: string[]; zipCodes?: string[] }>;
  };
}

export interface RecurringMetadataInput {
  frequency?: { unit: 'Year' | 'Month' | 'Week' | 'Day' | 'Variable'; value: number };
  amount?: AmazonPrice;
}

export type CheckoutScope =
  'name' | 'email' | 'postalCode' | 'shippingAddress' | 'phoneNumber' | 'primeStatus' | 'billingAddress';

export interface CreateCheckoutSessionRequest {
  storeId: string;
  webCheckoutDetails: WebCheckoutDetailsInput;
  paymentDetails?: PaymentDetailsInput;
  merchantMetadata?: MerchantMetadataInput;
  chargePermissionType?: 'OneTime' | 'Recurring' | 'PaymentMethodOnFile';
  recurringMetadata?: RecurringMetadataInput;
  deliverySpecifications?: DeliverySpecificationsInput;
  addressDetails?: AddressInput;
  scopes?: CheckoutScope[];
  platformId?: string;
  providerMetadata?: { providerReferenceId?: string };
  supplementaryData?: string;
}

export type UpdateCheckoutSessionRequest = Partial<
  Pick<
    CreateCheckoutSessionRequest,
    | 'webCheckoutDetails'
    | 'paymentDetails'
    | 'merchantMetadata'
    | 'recurringMetadata'
    | 'platformId'
    | 'providerMetadata'
    | 'supplementaryData'
  >
>;

export interface CompleteCheckoutSessionRequest {
  chargeAmount: AmazonPrice;
  totalOrderAmount?: AmazonPrice;
}

export interface FinalizeCheckoutSessionRequest {
  shippingAddress?: AddressInput;
  billingAddress?: AddressInput;
  chargeAmount: AmazonPrice;
  totalOrderAmount?: AmazonPrice;
  paymentIntent: 'Confirm' | 'Authorize' | 'AuthorizeWithCapture';
  canHandlePendingAuthorization?: boolean;
  supplementaryData?: string;
}

export interface UpdateChargePermissionRequest {
  merchantMetadata?: MerchantMetadataInput;
  recurringMetadata?: RecurringMetadataInput;
}

export interface CloseChargePermissionRequest {
  closureReason?: string;
  cancelPendingCharges?: boolean;
}

export interface CreateChargeRequest {
  chargePermissionId: string;
  chargeAmount: AmazonPrice;
  captureNow?: boolean;
  softDescriptor?: string;
  canHandlePendingAuthorization?: boolean;
  platformId?: string;
  providerMetadata?: { providerReferenceId?: string };
  merchantMetadata?: MerchantMetadataInput;
  chargeInitiator?: 'CITU' | 'MITU' | 'CITR' | 'MITR';
  channel?: 'Web' | 'Phone' | 'App' | 'Alexa' | 'PointOfSale' | 'FireTv' | 'Offline' | 'Amazon';
  webCheckoutDetails?: { checkoutResultReturnUrl: string };
}

export interface CaptureChargeRequest {
  captureAmount: AmazonPrice;
  softDescriptor?: string;
}

export interface CancelChargeRequest {
  cancellationReason?: string;
}

export interface CreateRefundRequest {
  chargeId: string;
  refundAmount: AmazonPrice;
  softDescriptor?: string;
}

export interface DeliveryTrackerRequest {
  /** A ChargePermission id or a legacy OrderReference id. */
  amazonOrderReferenceId?: string;
  chargePermissionId?: string;
  deliveryDetails: Array<{ trackingNumber: string; carrierCode: string }>;
}

export interface GetReportsQuery {
  reportTypes?: readonly string[];
  processingStatuses?: readonly string[];
  /** Basic form, e.g. 20221114T074550Z, as the official SDKs send it. */
  createdSince?: string;
  createdUntil?: string;
  pageSize?: number;
  nextToken?: string;
}

export interface CreateReportRequest {
  reportType: string;
  startTime: string;
  endTime: string;
}

export interface CreateReportScheduleRequest {
  reportType: string;
  scheduleFrequency: string;
  nextReportCreationTime?: string;
  deleteExistingSchedule?: boolean;
}
