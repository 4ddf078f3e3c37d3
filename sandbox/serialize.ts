import { formatAmazonTimestamp } from '@/lib/amazon-pay/signing';
import { toAmazonPrice, type AmazonPrice, type Money } from '@/lib/money';
import { findBuyer } from './buyers';
import { CHECKOUT_SCOPES } from './schemas';
import { amountBalance } from './state/charge-permission';
import { CONSTRAINT_TEXT, constraintsOf } from './state/checkout-session';
import type { Store } from './state/store';
import type {
  Address,
  ChargePermissionRecord,
  ChargeRecord,
  CheckoutSessionRecord,
  PaymentCard,
  RefundRecord,
  StatusDetails,
} from './state/types';

/** Wire shapes as Amazon sends them: string amounts, basic-form timestamps, key order as the Node SDK tests show. */

const ts = (ms: number) => formatAmazonTimestamp(new Date(ms));
const price = (value: Money | null): AmazonPrice | null => (value ? toAmazonPrice(value) : null);

function status(details: StatusDetails<string>) {
  return {
    state: details.state,
    reasonCode: details.reasonCode,
    reasonDescription: details.reasonDescription,
    lastUpdatedTimestamp: ts(details.lastUpdatedMs),
  };
}

/**
 * The buyer data a Checkout Session may show. With no `scopes`, PayAndShip gets name and email,
 * PayOnly also phoneNumber and billingAddress; with `scopes`, exactly what they name
 * (https://amazonpay-onboarding.com/en/specification/parameter/scopes). The shipping
 * address follows productType, not scopes.
 */
export function checkoutScopes(session: Pick<CheckoutSessionRecord, 'scopes' | 'productType'>): ReadonlySet<string> {
  if (session.scopes) return new Set(session.scopes);
  return new Set(session.productType === 'PayOnly' ? ['name', 'email', 'phoneNumber', 'billingAddress'] : ['name', 'email']);
}

/** The billing address Get Checkout Session shows: the merchant's, else the card's, when the scopes allow it. */
export function sharedBillingAddress(session: CheckoutSessionRecord): Address | null {
  if (!checkoutScopes(session).has('billingAddress')) return null;
  return session.billingAddress ?? session.card?.billingAddress ?? null;
}

function buyerOf(buyerId: string | null, scopes: ReadonlySet<string>) {
  const buyer = buyerId ? findBuyer(buyerId) : undefined;
  if (!buyer) return null;
  return {
    buyerId: buyer.buyerId,
    name: scopes.has('name') ? buyer.name : null,
    email: scopes.has('email') ? buyer.email : null,
    phoneNumber: scopes.has('phoneNumber') ? buyer.phoneNumber : null,
    primeMembershipTypes: scopes.has('primeStatus') ? buyer.primeMembershipTypes : null,
  };
}

function paymentPreferences(card: PaymentCard | null) {
  return card ? [{ paymentDescriptor: `${card.brand} ****${card.last4}` }] : [];
}

function metadata(value: Record<string, unknown>) {
  return {
    merchantReferenceId: value['merchantReferenceId'] ?? null,
    merchantStoreName: value['merchantStoreName'] ?? null,
    noteToBuyer: value['noteToBuyer'] ?? null,
    customInformation: value['customInformation'] ?? null,
  };
}

export function serializeCheckoutSession(session: CheckoutSessionRecord, publicBaseUrl: string) {
  const constraints = session.status.state === 'Open' ? constraintsOf(session) : [];
  // amazonPayRedirectUrl stays null while any constraint remains
  // (https://developer.amazon.com/docs/amazon-pay-api-v2/checkout-session.html).
  const redirectUrl =
    session.status.state === 'Open' && constraints.length === 0 && !session.buyerReturned
      ? `${publicBaseUrl}/checkout/processing?amazonCheckoutSessionId=${session.id}`
      : null;
  const address: Address | null = session.shippingAddress ?? session.addressDetails;
  const scopes = checkoutScopes(session);
  return {
    checkoutSessionId: session.id,
    webCheckoutDetails: { ...session.webCheckoutDetails, amazonPayRedirectUrl: redirectUrl },
    productType: session.productType,
    paymentDetails: {
      paymentIntent: session.paymentIntent,
      canHandlePendingAuthorization: session.canHandlePendingAuthorization,
      chargeAmount: price(session.chargeAmount),
      totalOrderAmount: price(session.totalOrderAmount),
      softDescriptor: session.softDescriptor,
      presentmentCurrency: session.presentmentCurrency ?? session.chargeAmount?.currency ?? null,
      allowOvercharge: false,
      extendExpiration: false,
    },
    chargePermissionType: session.chargePermissionType,
    orderType: null,
    recurringMetadata: session.recurringMetadata,
    paymentMethodOnFileMetadata: session.paymentMethodOnFileMetadata,
    // Keys the Node SDK's tests assert (https://github.com/amzn/amazon-pay-api-sdk-nodejs, tst/webStoreClientTest.js);
    // what they hold is not documented.
    merchantDetails: null,
    merchantMetadata: metadata(session.merchantMetadata),
    supplementaryData: session.supplementaryData,
    buyer: buyerOf(session.buyerId, scopes),
    billingAddress: sharedBillingAddress(session),
    paymentPreferences: paymentPreferences(session.card),
    statusDetails: status(session.status),
    shippingAddress: address,
    // The list comes as JSON-encoded strings, and every official SDK parses each one.
    shippingAddressList: session.productType === 'PayAndShipMultiAddress' && address ? [JSON.stringify(address)] : null,
    platformId: session.platformId,
    chargePermissionId: session.chargePermissionId,
    chargeId: session.chargeId,
    constraints: constraints.map((id) => ({ constraintId: id, description: CONSTRAINT_TEXT[id] })),
    creationTimestamp: ts(session.createdMs),
    expirationTimestamp: ts(session.expiresMs),
    storeId: session.storeId,
    providerMetadata: { providerReferenceId: session.providerReferenceId },
    releaseEnvironment: 'Sandbox',
    checkoutButtonText: null,
    deliverySpecifications: session.deliverySpecifications,
    tokens: null,
  };
}

export function serializeChargePermission(store: Store, record: ChargePermissionRecord) {
  const balance = amountBalance(store, record);
  const session = record.checkoutSessionId ? store.sessions.get(record.checkoutSessionId) : undefined;
  // What the buyer agreed to share on the checkout stays what the permission shows.
  const scopes = session ? checkoutScopes(session) : new Set<string>(CHECKOUT_SCOPES);
  return {
    chargePermissionId: record.id,
    chargePermissionReferenceId: null,
    platformId: record.platformId,
    buyer: buyerOf(record.buyerId, scopes),
    shippingAddress: record.shippingAddress,
    billingAddress: scopes.has('billingAddress') ? record.card.billingAddress : null,
    paymentPreferences: paymentPreferences(record.card),
    // ChargePermission carries reasons[] in place of reasonCode
    // (https://developer.amazon.com/docs/amazon-pay-api-v2/charge-permission.html).
    statusDetails: {
      state: record.status.state,
      reasons: record.status.reasonCode
        ? [{ reasonCode: record.status.reasonCode, reasonDescription: record.status.reasonDescription }]
        : null,
      lastUpdatedTimestamp: ts(record.status.lastUpdatedMs),
    },
    creationTimestamp: ts(record.createdMs),
    expirationTimestamp: record.expiresMs === null ? null : ts(record.expiresMs),
    merchantMetadata: metadata(record.merchantMetadata),
    releaseEnvironment: 'Sandbox',
    limits: { amountLimit: price(record.amountLimit), amountBalance: price(balance) },
    chargePermissionType: record.type,
    recurringMetadata: record.recurringMetadata,
    presentmentCurrency: record.presentmentCurrency,
  };
}

export function serializeCharge(charge: ChargeRecord) {
  return {
    chargeId: charge.id,
    chargePermissionId: charge.chargePermissionId,
    chargeAmount: price(charge.chargeAmount),
    captureAmount: price(charge.captureAmount),
    refundedAmount: price(charge.refundedAmount),
    convertedAmount: null,
    conversionRate: null,
    softDescriptor: charge.softDescriptor,
    merchantMetadata: metadata(charge.merchantMetadata),
    providerMetadata: { providerReferenceId: charge.providerReferenceId },
    statusDetails: status(charge.status),
    creationTimestamp: ts(charge.createdMs),
    expirationTimestamp: ts(charge.expiresMs),
    releaseEnvironment: 'Sandbox',
    channel: charge.channel,
    chargeInitiator: charge.chargeInitiator,
    platformId: charge.platformId,
    webCheckoutDetails: { checkoutResultReturnUrl: charge.checkoutResultReturnUrl },
  };
}

export function serializeRefund(refund: RefundRecord) {
  return {
    refundId: refund.id,
    chargeId: refund.chargeId,
    refundAmount: price(refund.refundAmount),
    softDescriptor: refund.softDescriptor,
    creationTimestamp: ts(refund.createdMs),
    statusDetails: status(refund.status),
    releaseEnvironment: 'Sandbox',
  };
}

/**
 * getBuyer after Sign-In: buyerId, plus what signInScopes asked for; with none, name and email
 * (https://developer.amazon.com/docs/amazon-pay-paymentmethodonfile-signinandsetup/verify-and-complete-checkout.html).
 */
export function serializeBuyer(buyerId: string, signInScopes: readonly string[]) {
  const buyer = findBuyer(buyerId);
  if (!buyer) return null;
  const scopes = new Set(signInScopes.length > 0 ? signInScopes : ['name', 'email']);
  const home = buyer.addresses[0] ?? null;
  const when = <T>(scope: string, value: T): T | null => (scopes.has(scope) ? value : null);
  return {
    buyerId: buyer.buyerId,
    name: when('name', buyer.name),
    email: when('email', buyer.email),
    postalCode: when('postalCode', home?.postalCode ?? null),
    countryCode: when('postalCode', home?.countryCode ?? null),
    phoneNumber: when('phoneNumber', buyer.phoneNumber),
    shippingAddress: when('shippingAddress', home),
    billingAddress: when('billingAddress', buyer.cards[0]?.billingAddress ?? null),
    primeMembershipTypes: when('primeStatus', buyer.primeMembershipTypes),
  };
}
