import { and, count, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { AmazonPayClient, Charge, Refund } from '@/lib/amazon-pay';
import { releaseStock } from '@/lib/catalog/stock';
import type { Database } from '@/lib/db/connection';
import { orders, payments, refunds } from '@/lib/db/schema';
import { fromAmazonPrice, isCurrencyCode } from '@/lib/money';
import { recordPaymentEvent } from './events';
import { orderStatusFromPayments, type OrderStatus } from '@/lib/orders/status';

/**
 * Brings our rows in line with what Amazon says now. Amazon's state is the truth and
 * every write sets absolute values read from it, so running a sync twice, late, or in
 * any order relative to other syncs leaves the same result.
 */

type Actor = 'amazon' | 'admin' | 'shopper' | 'system';

function minor(price: { amount: string; currencyCode: string } | null | undefined): number {
  if (!price || !isCurrencyCode(price.currencyCode)) return 0;
  return fromAmazonPrice(price).amount;
}

const PLACED_STATUSES: ReadonlySet<OrderStatus> = new Set(['authorized', 'paid', 'refunded', 'partially_refunded']);

async function refreshOrderStatus(db: Database, orderId: string, actor: Actor): Promise<void> {
  const rows = await db.select().from(payments).where(eq(payments.orderId, orderId));
  const status = orderStatusFromPayments(rows);
  const latest = [...rows].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0];
  const now = new Date();
  const changed = await db
    .update(orders)
    .set({
      status,
      paymentState: latest?.state ?? 'none',
      lastReasonCode: latest?.reasonCode ?? null,
      // The first time money is held, the checkout attempt becomes a sale.
      ...(PLACED_STATUSES.has(status) && { placedAt: sql`coalesce(${orders.placedAt}, now())` }),
      updatedAt: now,
    })
    .where(and(eq(orders.id, orderId), ne(orders.status, status)))
    .returning({ id: orders.id });
  if (changed.length > 0) await recordPaymentEvent(db, { orderId, type: 'order.status_changed', actor, detail: { status } });
  if (changed.length > 0) await releaseStock(db, orderId);
}

/**
 * Re-reads a Charge from Amazon and records it. Returns the order it belongs to, if any.
 * `withPermission` re-reads its ChargePermission too, for operations that move both:
 * capturing a one-time permission's whole amount closes it, and cancels and refunds can too.
 */
export async function syncCharge(
  db: Database,
  amazon: AmazonPayClient,
  chargeId: string,
  actor: Actor = 'amazon',
  options: { withPermission?: boolean } = {},
): Promise<string | null> {
  const charge = await amazon.getCharge(chargeId);
  const orderId = await recordCharge(db, charge, actor);
  if (options.withPermission && charge.chargePermissionId) {
    await syncChargePermission(db, amazon, charge.chargePermissionId, actor);
  }
  return orderId;
}

export async function recordCharge(db: Database, charge: Charge, actor: Actor): Promise<string | null> {
  const chargePermissionId = charge.chargePermissionId ?? null;
  const [existing] = await db.select().from(payments).where(eq(payments.chargeId, charge.chargeId)).limit(1);
  const [order] = existing
    ? await db.select().from(orders).where(eq(orders.id, existing.orderId)).limit(1)
    : chargePermissionId
      ? await db.select().from(orders).where(eq(orders.chargePermissionId, chargePermissionId)).limit(1)
      : [];
  if (!order || !chargePermissionId) return null;
  const state = charge.statusDetails.state;
  const values = {
    state,
    reasonCode: charge.statusDetails.reasonCode ?? null,
    authorizedAmount: minor(charge.chargeAmount),
    capturedAmount: minor(charge.captureAmount),
    refundedAmount: minor(charge.refundedAmount),
    updatedAt: new Date(),
  };
  await db.transaction(async (tx) => {
    if (existing) {
      await tx.update(payments).set(values).where(eq(payments.id, existing.id));
    } else {
      await tx
        .insert(payments)
        .values({ ...values, orderId: order.id, chargeId: charge.chargeId, chargePermissionId, currency: order.currency })
        .onConflictDoUpdate({ target: payments.chargeId, set: values });
    }
    if (
      existing?.state !== state ||
      existing.capturedAmount !== values.capturedAmount ||
      existing.refundedAmount !== values.refundedAmount
    ) {
      await recordPaymentEvent(tx, {
        orderId: order.id,
        type: 'charge.state',
        actor,
        amazonObjectId: charge.chargeId,
        detail: { state, reasonCode: values.reasonCode, captured: values.capturedAmount, refunded: values.refundedAmount },
      });
    }
    await refreshOrderStatus(tx, order.id, actor);
  });
  return order.id;
}

/** Re-reads a Refund (and its Charge, whose refunded total it changes) and records both. */
export async function syncRefund(
  db: Database,
  amazon: AmazonPayClient,
  refundId: string,
  actor: Actor = 'amazon',
): Promise<string | null> {
  const refund = await amazon.getRefund(refundId);
  // The charge first: a refund is recorded under its payment, which may be new to us.
  const orderId = refund.chargeId ? await syncCharge(db, amazon, refund.chargeId, actor) : null;
  await recordRefund(db, refund, actor);
  return orderId;
}

export async function recordRefund(db: Database, refund: Refund, actor: Actor): Promise<void> {
  if (!refund.chargeId) return;
  const [payment] = await db.select().from(payments).where(eq(payments.chargeId, refund.chargeId)).limit(1);
  if (!payment) return;
  const values = {
    state: refund.statusDetails.state,
    reasonCode: refund.statusDetails.reasonCode ?? null,
    updatedAt: new Date(),
  };
  const [before] = await db.select().from(refunds).where(eq(refunds.refundId, refund.refundId)).limit(1);
  await db
    .insert(refunds)
    .values({
      ...values,
      paymentId: payment.id,
      refundId: refund.refundId,
      currency: payment.currency,
      amount: minor(refund.refundAmount),
    })
    .onConflictDoUpdate({ target: refunds.refundId, set: values });
  if (before?.state !== values.state) {
    await recordPaymentEvent(db, {
      orderId: payment.orderId,
      type: 'refund.state',
      actor,
      amazonObjectId: refund.refundId,
      detail: { state: values.state, reasonCode: values.reasonCode, amount: minor(refund.refundAmount) },
    });
  }
}

/** Re-reads a ChargePermission and records its state on the orders that use it; returns how many use it. */
export async function syncChargePermission(
  db: Database,
  amazon: AmazonPayClient,
  chargePermissionId: string,
  actor: Actor = 'amazon',
): Promise<number> {
  const permission = await amazon.getChargePermission(chargePermissionId);
  const state = permission.statusDetails.state;
  const changed = await db
    .update(orders)
    .set({ chargePermissionState: state, updatedAt: new Date() })
    .where(
      and(
        eq(orders.chargePermissionId, chargePermissionId),
        or(isNull(orders.chargePermissionState), ne(orders.chargePermissionState, state)),
      ),
    )
    .returning({ id: orders.id });
  for (const { id } of changed) {
    await recordPaymentEvent(db, {
      orderId: id,
      type: 'charge_permission.state',
      actor,
      amazonObjectId: chargePermissionId,
      detail: { state },
    });
  }
  const [holders] = await db.select({ n: count() }).from(orders).where(eq(orders.chargePermissionId, chargePermissionId));
  return holders?.n ?? 0;
}
