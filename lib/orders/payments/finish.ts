import { and, eq } from 'drizzle-orm';
import type { AmazonPayClient, CheckoutSession } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import { orders, payments, refunds } from '@/lib/db/schema';
import {
  CHECKOUT_SESSION_LIFETIME_MS,
  cancelAttempt,
  completeOrderPayment,
  recordCheckoutSession,
  type OrderRow,
} from './completion';
import { linkReturnedCheckout } from '@/lib/checkout/apb-return';
import type { PaymentEventInput } from './events';
import { syncCharge, syncChargePermission, syncRefund } from './sync';

/**
 * Brings one order in line with Amazon from what the database holds, whatever it has
 * or lacks: the scheduled resync, the follow-up after a shopper's interrupted
 * completion, an IPN that names an unlinked charge and the shopper's "check again"
 * all come here. Every step re-reads Amazon and writes absolute values, so running it
 * twice, late or concurrently leaves the same result.
 */
export async function finishOrder(
  db: Database,
  amazon: AmazonPayClient,
  orderId: string,
  options: { actor?: PaymentEventInput['actor']; now?: Date } = {},
): Promise<void> {
  const actor = options.actor ?? 'system';
  let order = await loadOrder(db, orderId);
  if (!order) return;
  if (order.status === 'pending' && !order.checkoutSessionId && !order.chargePermissionId) {
    if (!(await linkReturnedCheckout(db, amazon, order))) {
      await expireUnreturnedCheckout(db, order, actor, options.now ?? new Date());
      return;
    }
    // The shopper came back from Amazon, but the answer to their return was lost: complete for them.
    order = await loadOrder(db, orderId);
    if (order?.status === 'pending' && !order.chargePermissionId) await completeOrderPayment(db, amazon, order, actor);
    order = await loadOrder(db, orderId);
    if (!order) return;
  }
  if (order.status === 'pending' && order.checkoutSessionId && !order.chargePermissionId) {
    await finishCheckout(db, amazon, order, actor, options.now ?? new Date());
    order = await loadOrder(db, orderId);
    if (!order) return;
  }
  if (order.chargePermissionId) await syncChargePermission(db, amazon, order.chargePermissionId, actor);
  const known = await db
    .select({ id: payments.id, chargeId: payments.chargeId })
    .from(payments)
    .where(eq(payments.orderId, order.id));
  // The charge completion created, recorded from Amazon's answer even if reading it failed.
  let checkoutChargeId = order.checkoutChargeId;
  if (!checkoutChargeId && known.length === 0 && order.chargePermissionId && order.checkoutSessionId) {
    // Completed before the charge's id was kept on the order: the session still names it.
    checkoutChargeId = (await amazon.getCheckoutSession(order.checkoutSessionId)).chargeId ?? null;
  }
  if (checkoutChargeId && !known.some((row) => row.chargeId === checkoutChargeId)) {
    await syncCharge(db, amazon, checkoutChargeId, actor);
  }
  for (const charge of known) {
    await syncCharge(db, amazon, charge.chargeId, actor);
    const initiated = await db
      .select({ refundId: refunds.refundId })
      .from(refunds)
      .where(and(eq(refunds.paymentId, charge.id), eq(refunds.state, 'RefundInitiated')));
    for (const refund of initiated) await syncRefund(db, amazon, refund.refundId, actor);
  }
}

/**
 * The order has no charge permission yet: the checkout session says where it stands.
 * Completed is recorded; Canceled, or Open past its lifetime, ends the attempt; Open with
 * the shopper back from Amazon is completed on their behalf, with the same key they used.
 */
async function finishCheckout(
  db: Database,
  amazon: AmazonPayClient,
  order: OrderRow,
  actor: PaymentEventInput['actor'],
  now: Date,
): Promise<void> {
  const session = await amazon.getCheckoutSession(order.checkoutSessionId!);
  if (session.statusDetails.state !== 'Open') {
    await recordCheckoutSession(db, amazon, order, session, actor);
  } else if (order.completionRequestedAt) {
    await completeOrderPayment(db, amazon, order, actor);
  } else if (now.getTime() >= expiresAt(order, session)) {
    await cancelAttempt(db, order, 'Expired', actor);
  }
}

function expiresAt(order: OrderRow, session: CheckoutSession): number {
  const stated = session.expirationTimestamp ? Date.parse(session.expirationTimestamp) : Number.NaN;
  return Number.isFinite(stated) ? stated : order.createdAt.getTime() + CHECKOUT_SESSION_LIFETIME_MS;
}

async function loadOrder(db: Database, orderId: string): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(orders).where(eq(orders.id, orderId)).limit(1);
  return row;
}

/**
 * An order written at an additional payment button's click learns its checkout session only
 * when the shopper comes back from Amazon. One who never comes back leaves a session Amazon
 * never completes: once any session its last click could have started is past its lifetime,
 * the attempt ends and its stock goes back. The margin covers the click reaching Amazon.
 */
const UNRETURNED_MARGIN_MS = 10 * 60 * 1000;

async function expireUnreturnedCheckout(
  db: Database,
  order: OrderRow,
  actor: PaymentEventInput['actor'],
  now: Date,
): Promise<void> {
  if (now.getTime() >= order.updatedAt.getTime() + CHECKOUT_SESSION_LIFETIME_MS + UNRETURNED_MARGIN_MS) {
    await cancelAttempt(db, order, 'Expired', actor);
  }
}
