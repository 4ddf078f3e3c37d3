import {
  AmazonPayError,
  parseAmazonTimestamp,
  type AmazonPayClient,
  type Charge,
  type ChargePermission,
  type Refund,
} from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import { fromAmazonPrice, isCurrencyCode } from '@/lib/money';
import { adminMessageFor } from '@/lib/auth/admin-errors';
import { CHARGEBACK_EVENT } from '@/lib/orders/chargebacks';
import { loadOrderRecord } from './order-record';
import {
  SETTLING_STATES,
  type AddressView,
  type AdminOrderView,
  type LiveChargeView,
  type LivePermissionView,
  type LiveStateView,
} from './order-view-types';
import { orderStatusLabel } from '@/lib/orders/status';
import { fulfilmentStatusLabel } from '@/lib/orders/fulfilment-status';
import { closeRefusal, trackingRefusal } from '@/lib/orders/payments/after-sale-gates';
import { dueDateInWords, nextRenewal } from '@/lib/orders/payments/renewal';
import { log } from '@/lib/log';

type OrderRecord = NonNullable<Awaited<ReturnType<typeof loadOrderRecord>>>;

/** The admin order page: our stored record next to a fresh read of Amazon's objects. */
export async function loadAdminOrderView(
  db: Database,
  amazon: AmazonPayClient,
  orderNumber: string,
  now = new Date(),
): Promise<AdminOrderView | null> {
  const record = await loadOrderRecord(db, orderNumber);
  if (!record) return null;
  const [live, renewal] = await Promise.all([readLiveState(amazon, record), nextRenewal(db, record.order)]);
  const settling = live.ok && (amazonIsSettling(live.charges) || recordsLagBehind(record, live.charges));
  const { order } = record;
  return {
    order: {
      number: order.number,
      status: order.status,
      statusLabel: orderStatusLabel(order.status),
      placedAt: order.createdAt.toISOString(),
      currency: order.currency,
      subtotal: order.subtotalAmount,
      shipping: order.shippingAmount,
      tax: order.taxAmount,
      total: order.totalAmount,
      buyerName: order.buyerName,
      buyerEmail: order.buyerEmail,
      shippingAddress: addressView(order.shippingAddress),
      shippingMethod: order.shippingMethod,
      paymentDescriptor: order.paymentDescriptor,
      fulfilment: order.fulfilment,
      hasPhysicalGoods: record.lines.some((line) => line.kind === 'physical'),
      isSubscription: order.chargePermissionType === 'Recurring' && record.lines.some((line) => line.kind === 'subscription'),
      chargePermissionId: order.chargePermissionId,
      chargePermissionType: order.chargePermissionType,
      lastReasonCode: order.lastReasonCode,
      fulfilmentStatus: {
        status: order.fulfilmentStatus,
        label: fulfilmentStatusLabel(order.fulfilmentStatus),
        carrierCode: order.shippingCarrier,
        trackingNumber: order.trackingNumber,
        shippedAt: order.shippedAt?.toISOString() ?? null,
        deliveredAt: order.deliveredAt?.toISOString() ?? null,
      },
      trackingRefusal: trackingRefusal(order),
      closeRefusal: closeRefusal(order),
    },
    renewal: renewal && {
      period: renewal.period,
      dueAt: renewal.dueAt.toISOString(),
      dueOn: dueDateInWords(renewal.dueAt),
      amount: renewal.amount.amount,
      due: now >= renewal.dueAt,
    },
    lines: record.lines.map((line) => ({
      name: line.productName,
      kind: line.kind,
      unitPrice: line.unitPriceAmount,
      quantity: line.quantity,
      lineTotal: line.lineTotalAmount,
    })),
    chargebacks: record.events
      .filter((event) => event.type === CHARGEBACK_EVENT && event.amazonObjectId)
      .map((event) => ({ chargebackId: event.amazonObjectId ?? '', receivedAt: event.createdAt.toISOString() })),
    events: record.events.map((event) => ({
      id: event.id,
      at: event.createdAt.toISOString(),
      type: event.type,
      actor: event.actor,
      amazonObjectId: event.amazonObjectId,
      detail: isRecord(event.detail) ? event.detail : {},
    })),
    live,
    settling,
  };
}

function amazonIsSettling(charges: LiveChargeView[]): boolean {
  return charges.some(
    (charge) => SETTLING_STATES.has(charge.state) || charge.refunds.some((refund) => SETTLING_STATES.has(refund.state)),
  );
}

/** Amazon moved on but the IPN has not reached our records yet: keep following until it does. */
function recordsLagBehind(record: OrderRecord, charges: LiveChargeView[]): boolean {
  const stored = new Map<string, string>([
    ...record.payments.map((payment): [string, string] => [payment.chargeId, payment.state]),
    ...record.refunds.map((refund): [string, string] => [refund.refundId, refund.state]),
  ]);
  return charges.some(
    (charge) =>
      stored.get(charge.chargeId) !== charge.state ||
      charge.refunds.some((refund) => stored.get(refund.refundId) !== refund.state),
  );
}

async function readLiveState(amazon: AmazonPayClient, record: OrderRecord): Promise<LiveStateView> {
  const fetchedAt = new Date().toISOString();
  try {
    const permissionId = record.order.chargePermissionId;
    const [permission, charges, refunds] = await Promise.all([
      permissionId ? amazon.getChargePermission(permissionId) : Promise.resolve(null),
      Promise.all(record.payments.map((payment) => amazon.getCharge(payment.chargeId))),
      Promise.all(record.refunds.map((refund) => amazon.getRefund(refund.refundId))),
    ]);
    return {
      ok: true,
      fetchedAt,
      permission: permission ? permissionView(permission) : null,
      charges: charges.map((charge) => chargeView(charge, refunds)),
    };
  } catch (error) {
    if (!(error instanceof AmazonPayError)) throw error;
    log.warn(
      {
        context: 'admin-order-view',
        amazonPay: { operation: error.operation, reasonCode: error.reasonCode, requestId: error.requestId },
      },
      'live read failed',
    );
    return { ok: false, fetchedAt, message: adminMessageFor(error.reasonCode) };
  }
}

function minor(price: { amount: string; currencyCode: string } | null | undefined): number {
  return price && isCurrencyCode(price.currencyCode) ? fromAmazonPrice(price).amount : 0;
}

function timestamp(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    return parseAmazonTimestamp(value)?.toISOString() ?? null;
  } catch {
    return null;
  }
}

function chargeView(charge: Charge, allRefunds: Refund[]): LiveChargeView {
  const refunds = allRefunds
    .filter((refund) => refund.chargeId === charge.chargeId)
    .map((refund) => ({
      refundId: refund.refundId,
      state: refund.statusDetails.state,
      reasonCode: refund.statusDetails.reasonCode ?? null,
      amount: minor(refund.refundAmount),
      createdAt: timestamp(refund.creationTimestamp),
    }));
  const captured = minor(charge.captureAmount);
  const committed = refunds.filter((refund) => refund.state !== 'Declined').reduce((sum, refund) => sum + refund.amount, 0);
  return {
    chargeId: charge.chargeId,
    state: charge.statusDetails.state,
    reasonCode: charge.statusDetails.reasonCode ?? null,
    authorized: minor(charge.chargeAmount),
    captured,
    refunded: minor(charge.refundedAmount),
    refundable: Math.max(0, captured - committed),
    expiresAt: timestamp(charge.expirationTimestamp),
    refunds,
  };
}

function permissionView(permission: ChargePermission): LivePermissionView {
  const metadata = permission.merchantMetadata;
  return {
    chargePermissionId: permission.chargePermissionId,
    type: permission.chargePermissionType ?? null,
    state: permission.statusDetails.state,
    reasons: (permission.statusDetails.reasons ?? [])
      .map((reason) => reason.reasonCode)
      .filter((code): code is string => Boolean(code)),
    amountLimit: permission.limits?.amountLimit ? minor(permission.limits.amountLimit) : null,
    amountBalance: permission.limits?.amountBalance ? minor(permission.limits.amountBalance) : null,
    merchantMetadata: {
      merchantReferenceId: metadata?.merchantReferenceId ?? '',
      merchantStoreName: metadata?.merchantStoreName ?? '',
      noteToBuyer: metadata?.noteToBuyer ?? '',
      customInformation: metadata?.customInformation ?? '',
    },
    expiresAt: timestamp(permission.expirationTimestamp),
  };
}

function addressView(value: unknown): AddressView | null {
  if (!isRecord(value)) return null;
  const text = (key: string) => (typeof value[key] === 'string' ? value[key] : '');
  const lines = Array.isArray(value.lines) ? value.lines.filter((line): line is string => typeof line === 'string') : [];
  return {
    name: text('name'),
    lines,
    city: text('city'),
    stateOrRegion: text('stateOrRegion'),
    postalCode: text('postalCode'),
    countryCode: text('countryCode'),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
