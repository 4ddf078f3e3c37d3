import type { z } from 'zod';
import { missingField, SandboxHttpError } from '../http';
import {
  toMoney,
  type addressDetailsSchema,
  type createCheckoutSessionSchema,
  type updateCheckoutSessionSchema,
} from '../schemas';
import { cardBehaviour, type SimulationCode } from '../simulations';
import { authorize, type AuthorizationOutcome } from './charge';
import { createChargePermission } from './charge-permission';
import { ids, type Store } from './store';
import type { Address, CheckoutSessionRecord, CheckoutSessionState, PaymentCard } from './types';

/**
 * A session expires 24 h after creation, and an Open one is then Canceled
 * (https://developer.amazon.com/docs/amazon-pay-api-v2/introduction.html).
 */
export const CHECKOUT_SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;

type CreateInput = z.infer<typeof createCheckoutSessionSchema>;
type UpdateInput = z.infer<typeof updateCheckoutSessionSchema>;
type CompleteSimulation = SimulationCode<'completeCheckoutSession'>;

/** Constraint texts as Amazon's responses carry them (e.g. https://github.com/amzn/amazon-payments-magento-2-plugin/issues/863). */
export const CONSTRAINT_TEXT = {
  BuyerNotAssociated:
    'There is no buyer associated with the Checkout Session. Return the checkout session id to the Amazon Pay Button to allow buyer to login.',
  ChargeAmountNotSet: 'chargeAmount is not set.',
  CheckoutResultReturnUrlNotSet: 'checkoutResultReturnUrl is not set.',
  PaymentIntentNotSet: 'paymentIntent is not set.',
} as const;

export type ConstraintId = keyof typeof CONSTRAINT_TEXT;

export function constraintsOf(session: CheckoutSessionRecord): ConstraintId[] {
  const out: ConstraintId[] = [];
  if (!session.buyerId) out.push('BuyerNotAssociated');
  if (!session.chargeAmount) out.push('ChargeAmountNotSet');
  if (!session.webCheckoutDetails.checkoutResultReturnUrl) out.push('CheckoutResultReturnUrlNotSet');
  if (!session.paymentIntent) out.push('PaymentIntentNotSet');
  return out;
}

function applyInput(session: CheckoutSessionRecord, input: UpdateInput): void {
  const web = input.webCheckoutDetails;
  if (web) {
    if (web.checkoutMode !== undefined && web.checkoutMode !== 'ProcessOrder') {
      // As Amazon answers it: https://github.com/amzn/amazon-pay-api-sdk-php/issues/9
      throw new SandboxHttpError(400, 'UnrecognizedField', "The field 'checkoutMode' is invalid for this API.");
    }
    session.webCheckoutDetails = {
      checkoutReviewReturnUrl: web.checkoutReviewReturnUrl ?? session.webCheckoutDetails.checkoutReviewReturnUrl,
      checkoutResultReturnUrl: web.checkoutResultReturnUrl ?? session.webCheckoutDetails.checkoutResultReturnUrl,
      checkoutCancelUrl: web.checkoutCancelUrl ?? session.webCheckoutDetails.checkoutCancelUrl,
      checkoutMode: web.checkoutMode ?? session.webCheckoutDetails.checkoutMode,
    };
  }
  const pay = input.paymentDetails;
  if (pay) {
    if (pay.paymentIntent) session.paymentIntent = pay.paymentIntent;
    if (pay.canHandlePendingAuthorization !== undefined)
      session.canHandlePendingAuthorization = pay.canHandlePendingAuthorization;
    if (pay.chargeAmount) session.chargeAmount = toMoney(pay.chargeAmount, 'paymentDetails.chargeAmount');
    if (pay.totalOrderAmount) session.totalOrderAmount = toMoney(pay.totalOrderAmount, 'paymentDetails.totalOrderAmount');
    if (pay.softDescriptor !== undefined) session.softDescriptor = pay.softDescriptor;
    if (pay.presentmentCurrency !== undefined) session.presentmentCurrency = pay.presentmentCurrency;
    if (session.chargeAmount && session.totalOrderAmount && session.chargeAmount.currency !== session.totalOrderAmount.currency) {
      throw new SandboxHttpError(400, 'CurrencyMismatch', 'chargeAmount and totalOrderAmount must use the same currency.');
    }
  }
  if (input.merchantMetadata) session.merchantMetadata = { ...session.merchantMetadata, ...input.merchantMetadata };
  if (input.chargePermissionType) session.chargePermissionType = input.chargePermissionType;
  if (input.recurringMetadata !== undefined) session.recurringMetadata = input.recurringMetadata;
  if (input.platformId !== undefined) session.platformId = input.platformId;
  if (input.providerMetadata) session.providerReferenceId = input.providerMetadata.providerReferenceId ?? null;
  if (input.supplementaryData !== undefined) session.supplementaryData = input.supplementaryData;
}

function toAddress(input: z.infer<typeof addressDetailsSchema>): Address {
  return {
    name: input.name ?? '',
    addressLine1: input.addressLine1 ?? '',
    addressLine2: input.addressLine2 ?? null,
    addressLine3: input.addressLine3 ?? null,
    city: input.city ?? '',
    county: input.county ?? input.districtOrCounty ?? null,
    district: input.district ?? null,
    stateOrRegion: input.stateOrRegion ?? null,
    postalCode: input.postalCode ?? '',
    countryCode: input.countryCode ?? '',
    phoneNumber: input.phoneNumber ?? null,
  };
}

/** productType is not a body field: it comes from the button (renderButton's productType option). */
export function createCheckoutSession(
  store: Store,
  input: CreateInput,
  productType: string = 'PayAndShip',
): CheckoutSessionRecord {
  const now = store.nowMs();
  if (!input.webCheckoutDetails?.checkoutReviewReturnUrl && input.webCheckoutDetails?.checkoutMode !== 'ProcessOrder') {
    throw missingField('webCheckoutDetails.checkoutReviewReturnUrl');
  }
  const session: CheckoutSessionRecord = {
    id: ids.checkoutSession(),
    storeId: input.storeId,
    productType,
    webCheckoutDetails: {
      checkoutReviewReturnUrl: null,
      checkoutResultReturnUrl: null,
      checkoutCancelUrl: null,
      checkoutMode: null,
    },
    paymentIntent: null,
    canHandlePendingAuthorization: false,
    chargeAmount: null,
    totalOrderAmount: null,
    softDescriptor: null,
    presentmentCurrency: null,
    chargePermissionType: 'OneTime',
    recurringMetadata: null,
    merchantMetadata: {},
    deliverySpecifications: input.deliverySpecifications ?? null,
    platformId: null,
    providerReferenceId: null,
    paymentMethodOnFileMetadata: input.paymentMethodOnFileMetadata
      ? { setupOnly: input.paymentMethodOnFileMetadata.setupOnly ?? null }
      : null,
    scopes: input.scopes ?? null,
    addressDetails: input.addressDetails ? toAddress(input.addressDetails) : null,
    pendingSimulation: null,
    buyerId: null,
    // The additional payment button: the buyer gave the merchant this address already.
    shippingAddress: input.addressDetails ? toAddress(input.addressDetails) : null,
    billingAddress: null,
    card: null,
    supplementaryData: null,
    status: store.status<CheckoutSessionState>('Open'),
    buyerReturned: false,
    chargePermissionId: null,
    chargeId: null,
    createdMs: now,
    expiresMs: now + CHECKOUT_SESSION_LIFETIME_MS,
  };
  applyInput(session, input);
  store.sessions.set(session.id, session);
  return session;
}

export function assertOpen(session: CheckoutSessionRecord): void {
  if (session.status.state !== 'Open') {
    throw new SandboxHttpError(
      422,
      'InvalidCheckoutSessionStatus',
      `The Checkout Session is in state ${session.status.state} (${session.status.reasonCode ?? 'no reason'}).`,
    );
  }
}

export function updateCheckoutSession(
  session: CheckoutSessionRecord,
  input: UpdateInput,
  simulation: CompleteSimulation | null,
): void {
  assertOpen(session);
  if (session.buyerReturned)
    throw new SandboxHttpError(
      422,
      'InvalidCheckoutSessionStatus',
      'The buyer has already confirmed this Checkout Session; it can only be completed.',
    );
  applyInput(session, input);
  if (simulation) session.pendingSimulation = simulation;
}

export function cancelSession(store: Store, session: CheckoutSessionRecord, reasonCode: string, description: string): void {
  session.status = store.status<CheckoutSessionState>('Canceled', reasonCode, description);
}

/** The buyer picks address and card on the hosted page; only an Open session accepts it. */
export function associateBuyer(
  session: CheckoutSessionRecord,
  buyerId: string,
  address: Address | null,
  card: PaymentCard,
): void {
  assertOpen(session);
  if (session.buyerReturned)
    throw new SandboxHttpError(422, 'InvalidCheckoutSessionStatus', 'The payment has already been processed.');
  session.buyerId = buyerId;
  session.shippingAddress = address;
  session.card = card;
}

/**
 * Whether the buyer's card ends the checkout at the processing page
 * (https://developer.amazon.com/docs/amazon-pay-checkout/sandbox-simulations.html): 3064 and 3434.
 */
export function cardCancellation(
  session: CheckoutSessionRecord,
): { reasonCode: 'BuyerCanceled' | 'Declined'; description: string } | null {
  const behaviour = cardBehaviour(session.card?.last4 ?? '');
  if (behaviour === 'BuyerCanceled') return { reasonCode: 'BuyerCanceled', description: 'The buyer canceled the checkout.' };
  if (behaviour === 'Declined') return { reasonCode: 'Declined', description: 'The payment method was declined.' };
  return null;
}

/**
 * Cards 0701 and 4354 simulate a pending authorization and need paymentIntent Authorize with
 * canHandlePendingAuthorization true, "or using this payment method will result in an error"
 * (https://developer.amazon.com/docs/amazon-pay-checkout/sandbox-simulations.html).
 */
export function assertCardPrerequisite(session: CheckoutSessionRecord): void {
  const behaviour = cardBehaviour(session.card?.last4 ?? '');
  if (behaviour !== 'PendingAuthorized' && behaviour !== 'PendingDeclined') return;
  if (session.paymentIntent === 'Authorize' && session.canHandlePendingAuthorization) return;
  throw new SandboxHttpError(
    400,
    'InvalidParameterCombination',
    `The simulated payment method ending in ${session.card?.last4 ?? ''} requires paymentIntent 'Authorize' and canHandlePendingAuthorization true.`,
  );
}

/**
 * A canceled session answers CheckoutSessionCanceled; why it was canceled (BuyerCanceled,
 * Declined, AmazonCanceled, Expired) is the session's statusDetails.reasonCode, as WooCommerce reads it
 * (https://github.com/woocommerce/woocommerce-gateway-amazon-pay, class-wc-gateway-amazon-payments-advanced.php).
 */
function canceledError(session: CheckoutSessionRecord): SandboxHttpError {
  return new SandboxHttpError(
    422,
    'CheckoutSessionCanceled',
    `The Checkout Session was canceled (${session.status.reasonCode ?? 'no reason'}).`,
  );
}

/** Complete and Finalize: only an Open session the buyer has come back to. */
export function assertCompletable(session: CheckoutSessionRecord): void {
  if (session.status.state === 'Canceled') throw canceledError(session);
  assertOpen(session);
  if (!session.buyerReturned) {
    throw new SandboxHttpError(
      422,
      'InvalidCheckoutSessionStatus',
      'The buyer has not been redirected to amazonPayRedirectUrl yet.',
    );
  }
}

/**
 * The processing page at amazonPayRedirectUrl. A canceling card (cardCancellation)
 * cancels the session here, and the buyer still goes to checkoutResultReturnUrl.
 */
export function processAtRedirect(store: Store, session: CheckoutSessionRecord): void {
  assertOpen(session);
  const remaining = constraintsOf(session);
  if (remaining.length > 0)
    throw new SandboxHttpError(422, 'InvalidCheckoutSessionStatus', `Constraints remain: ${remaining.join(', ')}.`);
  const cancellation = cardCancellation(session);
  if (cancellation) cancelSession(store, session, cancellation.reasonCode, cancellation.description);
  session.buyerReturned = true;
}

function outcomeFor(session: CheckoutSessionRecord, simulation: CompleteSimulation | null): AuthorizationOutcome {
  const pendingOk = session.canHandlePendingAuthorization;
  if (simulation === 'AuthorizationInitiated')
    return pendingOk ? { kind: 'Pending', then: 'Authorized' } : { kind: 'Authorized' };
  const behaviour = cardBehaviour(session.card?.last4 ?? '');
  if (behaviour === 'PendingAuthorized' && pendingOk) return { kind: 'Pending', then: 'Authorized' };
  if (behaviour === 'PendingDeclined' && pendingOk) return { kind: 'Pending', then: 'Declined', reasonCode: 'HardDeclined' };
  return { kind: 'Authorized' };
}

/**
 * Complete (https://developer.amazon.com/docs/amazon-pay-api-v2/checkout-session.html): only after the buyer came back from
 * amazonPayRedirectUrl, with the same chargeAmount. Creates the ChargePermission, and a Charge
 * unless paymentIntent is Confirm. A Completed session answers InvalidCheckoutSessionStatus to a
 * second Complete; the same idempotency key replays the first answer instead
 * (https://developer.amazon.com/docs/amazon-pay-checkout/faqs.html).
 */
export function completeCheckoutSession(
  store: Store,
  session: CheckoutSessionRecord,
  request: { chargeAmount: { amount: string | number; currencyCode: string } },
  simulationHeader: CompleteSimulation | null,
): void {
  const amount = toMoney(request.chargeAmount, 'chargeAmount');
  assertCompletable(session);
  if (!session.chargeAmount || amount.currency !== session.chargeAmount.currency) {
    throw new SandboxHttpError(400, 'CurrencyMismatch', 'chargeAmount currency does not match the Checkout Session.');
  }
  if (amount.amount !== session.chargeAmount.amount) {
    // 409, as two third-party error tables list it; Amazon's FAQ names only the reason code.
    throw new SandboxHttpError(
      409,
      'AmountMismatch',
      'chargeAmount does not match the amount the buyer confirmed on the Checkout Session.',
    );
  }
  // A simulation string overrides the simulated card (sandbox-simulations.html); the header over one sent on Update.
  const simulation = simulationHeader ?? (session.pendingSimulation as CompleteSimulation | null);
  if (simulation === 'BuyerCanceled' || simulation === 'AmazonCanceled' || simulation === 'Declined') {
    cancelSession(store, session, simulation, `Simulated ${simulation}.`);
    throw canceledError(session);
  }
  if (!simulation) assertCardPrerequisite(session);
  const permission = createChargePermission(store, session);
  session.chargePermissionId = permission.id;
  if (session.paymentIntent === 'Authorize' || session.paymentIntent === 'AuthorizeWithCapture') {
    const charge = authorize(store, permission, {
      amount,
      captureNow: session.paymentIntent === 'AuthorizeWithCapture',
      softDescriptor: session.softDescriptor,
      merchantMetadata: session.merchantMetadata,
      platformId: session.platformId,
      providerReferenceId: session.providerReferenceId,
      checkoutResultReturnUrl: session.webCheckoutDetails.checkoutResultReturnUrl,
      outcome: outcomeFor(session, simulation),
    });
    session.chargeId = charge.id;
  }
  session.status = store.status<CheckoutSessionState>('Completed');
}

export function expireCheckoutSessions(store: Store, nowMs: number): void {
  for (const session of store.sessions.values()) {
    if (session.status.state === 'Open' && session.expiresMs <= nowMs)
      cancelSession(store, session, 'Expired', 'The Checkout Session expired after 24 hours.');
  }
}
