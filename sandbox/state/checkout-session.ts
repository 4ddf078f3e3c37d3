import type { z } from 'zod';
import { SandboxHttpError } from '../http';
import { addressFromDetails, toMoney, type createCheckoutSessionSchema, type updateCheckoutSessionSchema } from '../schemas';
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
  if (input.deliverySpecifications !== undefined) session.deliverySpecifications = input.deliverySpecifications;
  if (input.platformId !== undefined) session.platformId = input.platformId;
  if (input.supplementaryData !== undefined) session.supplementaryData = input.supplementaryData;
  if (input.addressDetails) session.shippingAddress = addressFromDetails(input.addressDetails);
}

export function createCheckoutSession(store: Store, input: CreateInput): CheckoutSessionRecord {
  const now = store.nowMs();
  if (!input.webCheckoutDetails?.checkoutReviewReturnUrl && input.webCheckoutDetails?.checkoutMode !== 'ProcessOrder') {
    throw new SandboxHttpError(
      400,
      'MissingParameterValue',
      "The mandatory field 'webCheckoutDetails.checkoutReviewReturnUrl' is missing.",
    );
  }
  const session: CheckoutSessionRecord = {
    id: ids.checkoutSession(),
    storeId: input.storeId,
    productType: input.productType ?? 'PayAndShip',
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
    deliverySpecifications: null,
    platformId: null,
    buyerId: null,
    shippingAddress: null,
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

export function updateCheckoutSession(session: CheckoutSessionRecord, input: UpdateInput): void {
  assertOpen(session);
  if (session.buyerReturned)
    throw new SandboxHttpError(
      422,
      'InvalidCheckoutSessionStatus',
      'The buyer has already confirmed this Checkout Session; it can only be completed.',
    );
  applyInput(session, input);
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
 * (https://developer.amazon.com/docs/amazon-pay-checkout/sandbox-simulations.html):
 * 3064 and 3434 always, 4354 when the intent authorizes and the merchant cannot
 * take a pending authorization.
 */
export function cardCancellation(
  session: CheckoutSessionRecord,
): { reasonCode: 'BuyerCanceled' | 'Declined'; description: string } | null {
  const behaviour = cardBehaviour(session.card?.last4 ?? '');
  const intentAuthorizes = session.paymentIntent === 'Authorize' || session.paymentIntent === 'AuthorizeWithCapture';
  if (behaviour === 'BuyerCanceled') return { reasonCode: 'BuyerCanceled', description: 'The buyer canceled the checkout.' };
  if (behaviour === 'Declined') return { reasonCode: 'Declined', description: 'The payment method was declined.' };
  if (behaviour === 'PendingDeclined' && intentAuthorizes && !session.canHandlePendingAuthorization)
    return { reasonCode: 'Declined', description: 'The payment method was declined.' };
  return null;
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

function outcomeFor(
  session: CheckoutSessionRecord,
  simulation: SimulationCode<'completeCheckoutSession'> | null,
): AuthorizationOutcome {
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
 * amazonPayRedirectUrl, with the same chargeAmount. Creates the ChargePermission,
 * and a Charge unless paymentIntent is Confirm. Completing again is a no-op.
 */
export function completeCheckoutSession(
  store: Store,
  session: CheckoutSessionRecord,
  request: { chargeAmount: { amount: string | number; currencyCode: string } },
  simulation: SimulationCode<'completeCheckoutSession'> | null,
): void {
  const amount = toMoney(request.chargeAmount, 'chargeAmount');
  if (session.status.state === 'Completed') return;
  assertOpen(session);
  if (!session.buyerReturned) {
    throw new SandboxHttpError(
      422,
      'InvalidCheckoutSessionStatus',
      'The buyer has not been redirected to amazonPayRedirectUrl yet.',
    );
  }
  if (!session.chargeAmount || amount.currency !== session.chargeAmount.currency) {
    throw new SandboxHttpError(400, 'CurrencyMismatch', 'chargeAmount currency does not match the Checkout Session.');
  }
  if (amount.amount !== session.chargeAmount.amount) {
    throw new SandboxHttpError(
      400,
      'InvalidParameterValue',
      'chargeAmount does not match the amount the buyer confirmed on the Checkout Session.',
    );
  }
  if (simulation === 'BuyerCanceled' || simulation === 'AmazonCanceled' || simulation === 'Declined') {
    cancelSession(store, session, simulation, `Simulated ${simulation}.`);
    throw new SandboxHttpError(422, simulation, `The Checkout Session was canceled: ${simulation}.`);
  }
  const permission = createChargePermission(store, session);
  session.chargePermissionId = permission.id;
  if (session.paymentIntent === 'Authorize' || session.paymentIntent === 'AuthorizeWithCapture') {
    const charge = authorize(store, permission, {
      amount,
      captureNow: session.paymentIntent === 'AuthorizeWithCapture',
      softDescriptor: session.softDescriptor,
      merchantMetadata: session.merchantMetadata,
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
