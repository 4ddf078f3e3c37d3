import { money, type Money } from '@/lib/money';
import { SandboxHttpError } from '../http';
import type { SimulationCode } from '../simulations';
import { amountBalance, assertChargeable, recordCapture, setChargePermissionState } from './charge-permission';
import { ids, type Store } from './store';
import type { ChargePermissionRecord, ChargeRecord, ChargeState } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** An Authorized charge is canceled 30 days after authorization (https://developer.amazon.com/docs/amazon-pay-api-v2/charge.html). */
export const CHARGE_LIFETIME_MS = 30 * DAY_MS;

/**
 * How an authorization turns out. Pending outcomes sit in AuthorizationInitiated
 * until the clock passes `timings.pendingSeconds` (Amazon's simulations settle after 30 s,
 * https://developer.amazon.com/docs/amazon-pay-checkout/sandbox-simulations.html).
 */
export type AuthorizationOutcome =
  | { kind: 'Authorized' }
  | { kind: 'Declined'; reasonCode: string }
  | { kind: 'Pending'; then: 'Authorized' }
  | { kind: 'Pending'; then: 'Declined'; reasonCode: string };

export interface AuthorizeInput {
  amount: Money;
  captureNow: boolean;
  softDescriptor: string | null;
  merchantMetadata: Record<string, unknown>;
  platformId: string | null;
  providerReferenceId: string | null;
  checkoutResultReturnUrl: string | null;
  /** Echoed from createCharge; a charge made by Complete is the buyer's own web checkout. */
  channel?: string;
  chargeInitiator?: string;
  outcome: AuthorizationOutcome;
  /** createCharge's CaptureInitiated simulation: the capture itself goes pending. */
  pendingCapture?: boolean;
}

export function notifyCharge(store: Store, charge: ChargeRecord): void {
  store.emit({ objectType: 'CHARGE', objectId: charge.id, chargePermissionId: charge.chargePermissionId });
}

function setState(
  store: Store,
  charge: ChargeRecord,
  state: ChargeState,
  reasonCode: string | null = null,
  description: string | null = null,
): void {
  charge.status = store.status(state, reasonCode, description);
  notifyCharge(store, charge);
}

export function authorize(store: Store, permission: ChargePermissionRecord, input: AuthorizeInput): ChargeRecord {
  assertChargeable(permission);
  // Checked before anything is stored: a charge in another currency would poison every later balance
  // (https://developer.amazon.com/docs/amazon-pay-api-v2/error-handling.html).
  if (input.amount.currency !== permission.captured.currency) {
    throw new SandboxHttpError(
      400,
      'CurrencyMismatch',
      `chargeAmount must be in ${permission.captured.currency}, the currency of the Charge Permission.`,
    );
  }
  const balance = amountBalance(store, permission);
  if (balance && input.amount.amount > balance.amount) {
    throw new SandboxHttpError(
      400,
      'TransactionAmountExceeded',
      'The charge amount exceeds the amount still chargeable on this Charge Permission.',
    );
  }
  const now = store.nowMs();
  const charge: ChargeRecord = {
    id: ids.charge(permission.id),
    chargePermissionId: permission.id,
    chargeAmount: input.amount,
    captureAmount: null,
    refundedAmount: money(0, input.amount.currency),
    softDescriptor: input.softDescriptor,
    merchantMetadata: input.merchantMetadata,
    platformId: input.platformId,
    providerReferenceId: input.providerReferenceId,
    channel: input.channel ?? 'Web',
    chargeInitiator: input.chargeInitiator ?? 'CITU',
    checkoutResultReturnUrl: input.checkoutResultReturnUrl,
    captureOnAuthorize: input.captureNow,
    status: store.status<ChargeState>('AuthorizationInitiated'),
    createdMs: now,
    expiresMs: now + CHARGE_LIFETIME_MS,
    refundCount: 0,
  };
  store.charges.set(charge.id, charge);
  permission.chargeCount += 1;
  const { outcome } = input;
  if (outcome.kind === 'Pending') {
    notifyCharge(store, charge);
    store.schedule(store.timings.pendingSeconds, () => {
      if (charge.status.state !== 'AuthorizationInitiated') return; // canceled meanwhile
      if (outcome.then === 'Authorized') completeAuthorization(store, permission, charge, input.pendingCapture ?? false);
      else decline(store, permission, charge, outcome.reasonCode);
    });
  } else if (outcome.kind === 'Declined') {
    decline(store, permission, charge, outcome.reasonCode);
  } else {
    completeAuthorization(store, permission, charge, input.pendingCapture ?? false);
  }
  return charge;
}

function completeAuthorization(
  store: Store,
  permission: ChargePermissionRecord,
  charge: ChargeRecord,
  pendingCapture: boolean,
): void {
  setState(store, charge, 'Authorized');
  ledger(store, charge, 'Authorization', charge.chargeAmount);
  if (charge.captureOnAuthorize) startCapture(store, permission, charge, charge.chargeAmount, pendingCapture ? 'Pending' : 'Now');
}

/**
 * Declines: Soft leaves the permission chargeable (the buyer may retry), Hard
 * makes it NonChargeable until the buyer fixes the method (https://developer.amazon.com/docs/amazon-pay-api-v2/introduction.html).
 */
function decline(store: Store, permission: ChargePermissionRecord, charge: ChargeRecord, reasonCode: string): void {
  setState(store, charge, 'Declined', reasonCode);
  if (reasonCode === 'HardDeclined' || reasonCode === 'AmazonRejected') {
    setChargePermissionState(
      store,
      permission,
      'NonChargeable',
      'PaymentMethodInvalid',
      `The last authorization was ${reasonCode}.`,
    );
  }
}

type CaptureMode = 'Now' | 'Pending' | 'PendingDeclined';

function startCapture(
  store: Store,
  permission: ChargePermissionRecord,
  charge: ChargeRecord,
  amount: Money,
  mode: CaptureMode,
): void {
  if (mode === 'Now') {
    finishCapture(store, permission, charge, amount);
    return;
  }
  setState(store, charge, 'CaptureInitiated');
  store.schedule(store.timings.captureSeconds, () => {
    if (charge.status.state !== 'CaptureInitiated') return;
    if (mode === 'Pending') finishCapture(store, permission, charge, amount);
    else setState(store, charge, 'Declined', 'AmazonRejected');
  });
}

function finishCapture(store: Store, permission: ChargePermissionRecord, charge: ChargeRecord, amount: Money): void {
  charge.captureAmount = amount;
  setState(store, charge, 'Captured');
  ledger(store, charge, 'Capture', amount);
  recordCapture(store, permission, amount);
}

export function capture(
  store: Store,
  charge: ChargeRecord,
  amount: Money,
  simulation: SimulationCode<'captureCharge'> | null,
): void {
  if (charge.status.state !== 'Authorized') {
    throw new SandboxHttpError(422, 'InvalidChargeStatus', `You cannot capture a Charge in state ${charge.status.state}.`);
  }
  if (amount.currency !== charge.chargeAmount.currency)
    throw new SandboxHttpError(400, 'CurrencyMismatch', 'captureAmount currency differs from chargeAmount.');
  if (amount.amount > charge.chargeAmount.amount) {
    throw new SandboxHttpError(400, 'TransactionAmountExceeded', 'captureAmount exceeds the authorized amount.');
  }
  const permission = store.permission(charge.chargePermissionId);
  const mode: CaptureMode =
    simulation === 'CaptureInitiated' ? 'Pending' : simulation === 'AmazonRejected' ? 'PendingDeclined' : 'Now';
  startCapture(store, permission, charge, amount, mode);
}

export function cancel(store: Store, charge: ChargeRecord, reason: string | null, reasonCode = 'MerchantCanceled'): void {
  if (!['AuthorizationInitiated', 'Authorized'].includes(charge.status.state)) {
    throw new SandboxHttpError(422, 'InvalidChargeStatus', `You cannot cancel a Charge in state ${charge.status.state}.`);
  }
  setState(store, charge, 'Canceled', reasonCode, reason);
}

/** A charge left Authorized for 30 days is canceled (ExpiredUnused). */
export function expireCharges(store: Store, nowMs: number): void {
  for (const charge of store.charges.values()) {
    if (charge.status.state === 'Authorized' && charge.expiresMs <= nowMs) setState(store, charge, 'Canceled', 'ExpiredUnused');
  }
}

export function ledger(
  store: Store,
  charge: ChargeRecord,
  type: 'Authorization' | 'Capture' | 'Refund',
  amount: Money,
  transactionId = charge.id,
): void {
  const permission = store.permissions.get(charge.chargePermissionId);
  const reference = permission?.merchantMetadata['merchantReferenceId'];
  store.ledger.push({
    postedMs: store.nowMs(),
    type,
    amazonTransactionId: transactionId,
    chargePermissionId: charge.chargePermissionId,
    merchantReferenceId: typeof reference === 'string' ? reference : '',
    amount,
  });
}

/**
 * Maps createCharge's simulation code (and the pending flag) to an outcome
 * (https://developer.amazon.com/docs/amazon-pay-checkout/sandbox-simulations.html).
 */
export function outcomeForCreateCharge(
  simulation: SimulationCode<'createCharge'> | null,
  canHandlePending: boolean,
): AuthorizationOutcome {
  switch (simulation) {
    case null:
    case 'CaptureInitiated':
      return { kind: 'Authorized' };
    case 'AuthorizationInitiated':
      return canHandlePending ? { kind: 'Pending', then: 'Authorized' } : { kind: 'Authorized' };
    default:
      return canHandlePending
        ? { kind: 'Pending', then: 'Declined', reasonCode: simulation }
        : { kind: 'Declined', reasonCode: simulation };
  }
}
