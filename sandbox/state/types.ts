import type { Money } from '@/lib/money';
import type { CheckoutLanguage } from '../locales';

/** Open unions, as Amazon adds values. */
export type CheckoutSessionState = 'Open' | 'Completed' | 'Canceled' | (string & {});
export type ChargePermissionState = 'Chargeable' | 'NonChargeable' | 'Closed' | (string & {});
export type ChargeState =
  'AuthorizationInitiated' | 'Authorized' | 'CaptureInitiated' | 'Captured' | 'Canceled' | 'Declined' | (string & {});
export type RefundState = 'RefundInitiated' | 'Refunded' | 'Declined' | (string & {});
export type ChargePermissionType = 'OneTime' | 'Recurring' | 'PaymentMethodOnFile' | (string & {});
export type PaymentIntent = 'Confirm' | 'Authorize' | 'AuthorizeWithCapture' | (string & {});

export interface StatusDetails<S extends string> {
  state: S;
  reasonCode: string | null;
  reasonDescription: string | null;
  lastUpdatedMs: number;
}

export interface Address {
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  addressLine3: string | null;
  city: string;
  county: string | null;
  district: string | null;
  stateOrRegion: string | null;
  postalCode: string;
  countryCode: string;
  phoneNumber: string | null;
}

export interface PaymentCard {
  id: string;
  brand: string;
  last4: string;
  expiry: string;
  billingAddress: Address;
}

export interface TestBuyer {
  buyerId: string;
  name: string;
  email: string;
  phoneNumber: string;
  primeMembershipTypes: string[];
  addresses: Address[];
  cards: PaymentCard[];
}

export interface CheckoutSessionRecord {
  id: string;
  storeId: string;
  productType: string | null;
  webCheckoutDetails: {
    checkoutReviewReturnUrl: string | null;
    checkoutResultReturnUrl: string | null;
    checkoutCancelUrl: string | null;
    checkoutMode: string | null;
  };
  paymentIntent: PaymentIntent | null;
  canHandlePendingAuthorization: boolean;
  chargeAmount: Money | null;
  totalOrderAmount: Money | null;
  softDescriptor: string | null;
  presentmentCurrency: string | null;
  chargePermissionType: ChargePermissionType;
  recurringMetadata: unknown;
  merchantMetadata: Record<string, unknown>;
  deliverySpecifications: unknown;
  platformId: string | null;
  providerReferenceId: string | null;
  paymentMethodOnFileMetadata: { setupOnly: boolean | null } | null;
  /** The buyer data asked for; null asks for Amazon's default, which depends on productType. */
  scopes: readonly string[] | null;
  /** The additional payment button's address, sent by the merchant (addressDetails). */
  addressDetails: Address | null;
  /**
   * A CheckoutSession simulation code sent on Update, applied when the session is
   * completed without a code of its own (as WooCommerce and SFCC integrations send them).
   */
  pendingSimulation: string | null;
  buyerId: string | null;
  shippingAddress: Address | null;
  /** Set by Finalize when the merchant sends one; otherwise the card's billing address is shown. */
  billingAddress: Address | null;
  card: PaymentCard | null;
  supplementaryData: string | null;
  status: StatusDetails<CheckoutSessionState>;
  /**
   * True once the buyer passed the processing page at amazonPayRedirectUrl; Complete requires it
   * (https://github.com/amzn/amazon-pay-api-sdk-nodejs/issues/16).
   */
  buyerReturned: boolean;
  chargePermissionId: string | null;
  chargeId: string | null;
  createdMs: number;
  expiresMs: number;
  /** From the button (checkout.js), for the hosted pages only; Amazon's API does not return them. */
  checkoutLanguage?: CheckoutLanguage;
  estimatedOrderAmount?: Money;
}

export interface ChargePermissionRecord {
  id: string;
  checkoutSessionId: string | null;
  buyerId: string;
  shippingAddress: Address | null;
  card: PaymentCard;
  type: ChargePermissionType;
  /** Null for Recurring/PaymentMethodOnFile, which have no overall limit. */
  amountLimit: Money | null;
  captured: Money;
  presentmentCurrency: string;
  merchantMetadata: Record<string, unknown>;
  recurringMetadata: unknown;
  platformId: string | null;
  status: StatusDetails<ChargePermissionState>;
  createdMs: number;
  /** OneTime permissions expire after 180 days; the others have no fixed end. */
  expiresMs: number | null;
  chargeCount: number;
}

export interface ChargeRecord {
  id: string;
  chargePermissionId: string;
  chargeAmount: Money;
  captureAmount: Money | null;
  refundedAmount: Money;
  softDescriptor: string | null;
  merchantMetadata: Record<string, unknown>;
  platformId: string | null;
  providerReferenceId: string | null;
  channel: string;
  chargeInitiator: string;
  checkoutResultReturnUrl: string | null;
  /** Capture requested by captureNow/AuthorizeWithCapture, applied when a pending authorization resolves. */
  captureOnAuthorize: boolean;
  status: StatusDetails<ChargeState>;
  createdMs: number;
  expiresMs: number;
  refundCount: number;
}

export interface RefundRecord {
  id: string;
  chargeId: string;
  refundAmount: Money;
  softDescriptor: string | null;
  status: StatusDetails<RefundState>;
  createdMs: number;
}

/** One money movement, the raw material of the settlement and transaction reports. */
export interface LedgerEntry {
  postedMs: number;
  type: 'Authorization' | 'Capture' | 'Refund' | (string & {});
  amazonTransactionId: string;
  chargePermissionId: string;
  merchantReferenceId: string;
  amount: Money;
}

export type NotificationObjectType = 'CHARGE_PERMISSION' | 'CHARGE' | 'REFUND';

export interface StateChange {
  objectType: NotificationObjectType;
  objectId: string;
  chargePermissionId: string;
}
