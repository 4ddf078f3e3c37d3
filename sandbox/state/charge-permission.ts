import { addMoney, money, subtractMoney, type Money } from '@/lib/money';
import { SandboxHttpError } from '../http';
import type { SimulationCode } from '../simulations';
import { ids, type Store } from './store';
import type { ChargePermissionRecord, ChargePermissionState, CheckoutSessionRecord } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A one-time Charge Permission expires after 180 days (https://developer.amazon.com/docs/amazon-pay-api-v2/introduction.html). */
export const CHARGE_PERMISSION_LIFETIME_MS = 180 * DAY_MS;

export function createChargePermission(store: Store, session: CheckoutSessionRecord): ChargePermissionRecord {
  if (!session.buyerId || !session.card)
    throw new SandboxHttpError(422, 'InvalidCheckoutSessionStatus', 'No buyer or payment method is associated.');
  const now = store.nowMs();
  const currency = session.chargeAmount?.currency ?? 'USD';
  const oneTime = session.chargePermissionType === 'OneTime';
  const record: ChargePermissionRecord = {
    id: ids.chargePermission(),
    checkoutSessionId: session.id,
    buyerId: session.buyerId,
    shippingAddress: session.shippingAddress,
    card: session.card,
    type: session.chargePermissionType,
    // A one-time permission covers up to the total order amount
    // (https://developer.amazon.com/docs/amazon-pay-api-v2/introduction.html).
    amountLimit: oneTime ? (session.totalOrderAmount ?? session.chargeAmount) : null,
    captured: money(0, currency),
    presentmentCurrency: session.presentmentCurrency ?? currency,
    merchantMetadata: { ...session.merchantMetadata },
    recurringMetadata: session.recurringMetadata,
    platformId: session.platformId,
    status: store.status<ChargePermissionState>('Chargeable'),
    createdMs: now,
    expiresMs: oneTime ? now + CHARGE_PERMISSION_LIFETIME_MS : null,
    chargeCount: 0,
  };
  store.permissions.set(record.id, record);
  notify(store, record);
  return record;
}

function notify(store: Store, record: ChargePermissionRecord): void {
  store.emit({ objectType: 'CHARGE_PERMISSION', objectId: record.id, chargePermissionId: record.id });
}

export function setChargePermissionState(
  store: Store,
  record: ChargePermissionRecord,
  state: ChargePermissionState,
  reasonCode: string | null,
  description: string | null = null,
): void {
  if (record.status.state === state && record.status.reasonCode === reasonCode) return;
  record.status = store.status(state, reasonCode, description);
  notify(store, record);
}

/** Money still open for new charges: limit minus captures minus authorizations not yet captured. */
export function amountBalance(store: Store, record: ChargePermissionRecord): Money | null {
  if (!record.amountLimit) return null;
  let reserved = record.captured;
  for (const charge of store.charges.values()) {
    if (charge.chargePermissionId !== record.id) continue;
    if (['AuthorizationInitiated', 'Authorized', 'CaptureInitiated'].includes(charge.status.state))
      reserved = addMoney(reserved, charge.chargeAmount);
  }
  return subtractMoney(record.amountLimit, reserved);
}

export function assertChargeable(record: ChargePermissionRecord): void {
  if (record.status.state !== 'Chargeable') {
    throw new SandboxHttpError(
      422,
      'InvalidChargePermissionStatus',
      `The Charge Permission is in state ${record.status.state} (${record.status.reasonCode ?? 'no reason'}).`,
    );
  }
}

/** Called after a capture lands: a one-time permission closes once its amount is fully captured. */
export function recordCapture(store: Store, record: ChargePermissionRecord, amount: Money): void {
  record.captured = addMoney(record.captured, amount);
  if (record.type === 'OneTime' && record.amountLimit && record.captured.amount >= record.amountLimit.amount) {
    // Amazon does not document the reason code for "fully captured"; AmazonClosed is the closest documented value
    // (docs/amazon-pay-decisions.md).
    setChargePermissionState(store, record, 'Closed', 'AmazonClosed', 'The total order amount has been captured.');
  }
}

export function updateChargePermission(
  record: ChargePermissionRecord,
  patch: { merchantMetadata?: Record<string, unknown>; recurringMetadata?: unknown },
): void {
  if (record.status.state === 'Closed')
    throw new SandboxHttpError(422, 'ChargePermissionNotModifiable', 'A closed Charge Permission cannot be modified.');
  if (patch.merchantMetadata) record.merchantMetadata = { ...record.merchantMetadata, ...patch.merchantMetadata };
  if (patch.recurringMetadata !== undefined) record.recurringMetadata = patch.recurringMetadata;
}

export function closeChargePermission(
  store: Store,
  record: ChargePermissionRecord,
  request: { closureReason?: string; cancelPendingCharges?: boolean },
  simulation: SimulationCode<'closeChargePermission'> | null,
  cancelCharge: (chargeId: string) => void,
): void {
  if (record.status.state === 'Closed') return; // closing twice is harmless, as on Amazon
  if (request.cancelPendingCharges) {
    for (const charge of store.charges.values()) {
      if (charge.chargePermissionId === record.id && ['AuthorizationInitiated', 'Authorized'].includes(charge.status.state))
        cancelCharge(charge.id);
    }
  }
  const reason = simulation === 'AmazonClosed' ? 'AmazonClosed' : 'MerchantClosed';
  setChargePermissionState(store, record, 'Closed', reason, request.closureReason ?? null);
}

/** 180-day expiry sweep. */
export function expireChargePermissions(store: Store, nowMs: number): void {
  for (const record of store.permissions.values()) {
    if (record.status.state !== 'Closed' && record.expiresMs !== null && record.expiresMs <= nowMs) {
      setChargePermissionState(store, record, 'Closed', 'Expired', 'The Charge Permission expired after 180 days.');
    }
  }
}
