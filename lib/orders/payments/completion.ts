import { and, eq, isNull, sql } from 'drizzle-orm';
import { AmazonPayError, type AmazonPayClient, type CheckoutSession } from '@/lib/amazon-pay';
import { clearCart } from '@/lib/cart/cart';
import { releaseStock } from '@/lib/catalog/stock';
import type { Database } from '@/lib/db/connection';
import { orders } from '@/lib/db/schema';
import { money, toAmazonPrice } from '@/lib/money';
import { recordPaymentEvent, type PaymentEventInput } from './events';
import { syncCharge, syncChargePermission } from './sync';

/**
 * Completing a checkout session, write-ahead: the request is recorded before Amazon is
 * asked, and the charge permission and charge Amazon names in its answer are recorded
 * in the same transaction that moves the order on, before any further call. Whatever
 * fails after that (reading the charge, the cart, e-mail) can be finished by a resync
 * from what the database holds.
 * https://developer.amazon.com/docs/amazon-pay-api-v2/checkout-session.html#complete-checkout-session
 */

export type OrderRow = typeof orders.$inferSelect;
type Actor = PaymentEventInput['actor'];

/** Amazon completes an Open checkout session only within 24 hours of its creation. */
export const CHECKOUT_SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** One key per order: a refresh, the back button, a second tab or a resync replays Amazon's first answer. */
export function completionIdempotencyKey(orderId: string): string {
  return `complete-${orderId.replaceAll('-', '')}`.slice(0, 32);
}

/**
 * Amazon's answer says nothing final: a timeout, throttling, a 5xx or a network error.
 * The payment may or may not have gone through, so the order is neither failed nor done.
 */
export function isTransientFailure(error: unknown): boolean {
  if (!(error instanceof AmazonPayError)) return true;
  return error.retryable || error.status === 0 || error.reasonCode === 'Timeout';
}

/** The session's state after the attempt; Open means Amazon refused to complete (e.g. it holds another amount). */
export interface CompletionResult {
  state: CheckoutSession['statusDetails']['state'];
  reasonCode: string | null;
}

/**
 * Asks Amazon to complete the order's session for the amount we recorded, and records
 * the answer; null when the order was already completed or ended elsewhere. Throws on a transient failure, with the request recorded, so the caller
 * can tell the shopper their payment is being confirmed and a resync can finish it.
 */
export async function completeOrderPayment(
  db: Database,
  amazon: AmazonPayClient,
  order: OrderRow,
  actor: Actor,
): Promise<CompletionResult | null> {
  const requested = await requestCompletion(db, order, actor);
  // Another tab or process recorded the completion (or ended the attempt) first.
  if (!requested) return null;
  const checkoutSessionId = requested.checkoutSessionId!;
  const total = toAmazonPrice(money(requested.totalAmount, requested.currency));
  let session: CheckoutSession;
  let refusal: string | null = null;
  try {
    session = await amazon.completeCheckoutSession(
      checkoutSessionId,
      { chargeAmount: total, totalOrderAmount: total },
      { idempotencyKey: completionIdempotencyKey(requested.id) },
    );
  } catch (error) {
    if (isTransientFailure(error)) throw error;
    // A decline or a cancel arrives as an error; the session itself says what happened.
    refusal = (error as AmazonPayError).reasonCode;
    session = await amazon.getCheckoutSession(checkoutSessionId);
  }
  const state = session.statusDetails.state;
  if (state === 'Open') {
    await withdrawCompletion(db, requested, refusal ?? 'CheckoutNotCompleted', actor);
    return { state: 'Open', reasonCode: refusal ?? 'CheckoutNotCompleted' };
  }
  await recordCheckoutSession(db, amazon, requested, session, actor);
  return { state, reasonCode: session.statusDetails.reasonCode ?? null };
}

/** Marks the order as being completed (once) and returns it as it now stands, or null if it is no longer pending. */
async function requestCompletion(db: Database, order: OrderRow, actor: Actor): Promise<OrderRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(orders)
      .set({ completionRequestedAt: sql`coalesce(${orders.completionRequestedAt}, now())` })
      .where(and(eq(orders.id, order.id), eq(orders.status, 'pending'), isNull(orders.chargePermissionId)))
      .returning();
    if (!row) return null;
    if (!order.completionRequestedAt) {
      await recordPaymentEvent(tx, {
        orderId: row.id,
        type: 'checkout.completion_requested',
        actor,
        amazonObjectId: row.checkoutSessionId,
        idempotencyKey: completionIdempotencyKey(row.id),
        detail: { total: row.totalAmount, currency: row.currency },
      });
    }
    return row;
  });
}

/** Amazon refused and the session is still Open: nothing is left for a resync to complete. */
async function withdrawCompletion(db: Database, order: OrderRow, reasonCode: string, actor: Actor): Promise<void> {
  await changeUncompletedOrder(
    db,
    order,
    { completionRequestedAt: null, lastReasonCode: reasonCode },
    {
      type: 'checkout.completion_refused',
      actor,
      detail: { reasonCode },
    },
  );
}

/** Changes an order that Amazon has not completed yet, with its event, unless another process got there first. */
async function changeUncompletedOrder(
  db: Database,
  order: OrderRow,
  values: Partial<typeof orders.$inferInsert>,
  event: Pick<PaymentEventInput, 'type' | 'actor' | 'detail'>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(orders)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(orders.id, order.id), eq(orders.status, 'pending'), isNull(orders.chargePermissionId)))
      .returning({ id: orders.id });
    if (changed.length > 0) {
      await recordPaymentEvent(tx, { ...event, orderId: order.id, amazonObjectId: order.checkoutSessionId });
      await releaseStock(tx, order.id);
    }
  });
}

/**
 * Records what a checkout session says: Completed links the order to its charge
 * permission and charge (then reads the charge), Canceled ends the attempt, Open
 * changes nothing. Safe to run any number of times, from any process.
 */
export async function recordCheckoutSession(
  db: Database,
  amazon: AmazonPayClient,
  order: OrderRow,
  session: CheckoutSession,
  actor: Actor,
): Promise<void> {
  const state = session.statusDetails.state;
  if (state === 'Canceled') {
    await cancelAttempt(db, order, session.statusDetails.reasonCode ?? 'Canceled', actor);
    return;
  }
  if (state !== 'Completed') return;
  const chargePermissionId = session.chargePermissionId ?? null;
  const chargeId = session.chargeId ?? null;
  await db.transaction(async (tx) => {
    // Only the first process to get here records the completion; the others find it done.
    const claimed = await tx
      .update(orders)
      .set({ chargePermissionId, checkoutChargeId: chargeId, paymentState: 'Completed', updatedAt: new Date() })
      .where(and(eq(orders.id, order.id), eq(orders.status, 'pending'), isNull(orders.chargePermissionId)))
      .returning({ id: orders.id, cartId: orders.cartId });
    const [row] = claimed;
    if (!row) return;
    await recordPaymentEvent(tx, {
      orderId: order.id,
      type: 'checkout.completed',
      actor,
      amazonObjectId: session.checkoutSessionId,
      detail: { chargeId, chargePermissionId, total: order.totalAmount, currency: order.currency },
    });
    // The shopper has paid for what the cart held; a later decline offers to pay again from the order's lines.
    if (row.cartId) await clearCart(tx, row.cartId);
  });
  if (chargeId) await syncCharge(db, amazon, chargeId, actor);
  // Its creation notification may never come; the permission's state is read here too.
  if (chargePermissionId) await syncChargePermission(db, amazon, chargePermissionId, actor);
}

/** The checkout attempt ended on Amazon's side (declined, canceled by the buyer, or expired). */
export async function cancelAttempt(db: Database, order: OrderRow, reasonCode: string, actor: Actor): Promise<void> {
  await changeUncompletedOrder(
    db,
    order,
    { status: 'canceled', paymentState: 'Canceled', lastReasonCode: reasonCode },
    { type: 'checkout.canceled', actor, detail: { reasonCode } },
  );
}
