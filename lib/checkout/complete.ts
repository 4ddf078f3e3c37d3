import { and, eq } from 'drizzle-orm';
import { AmazonPayError, type AmazonPayClient, type CheckoutSession } from '@/lib/amazon-pay';
import { clearCart } from '@/lib/cart/cart';
import type { Database } from '@/lib/db/connection';
import { orders } from '@/lib/db/schema';
import { NotFoundError } from '@/lib/errors';
import { fromAmazonPrice, money, toAmazonPrice, type AmazonPrice } from '@/lib/money';
import { recordPaymentEvent } from '@/lib/orders/payments/events';
import { recordCharge } from '@/lib/orders/payments/sync';

export type CompletionOutcome =
  { kind: 'placed'; orderNumber: string; status: string } | { kind: 'failed'; orderNumber: string; reasonCode: string };

type OrderRow = typeof orders.$inferSelect;

/** One key per order: a refresh, the back button or a second tab replays Amazon's first answer. */
export function completionIdempotencyKey(orderId: string): string {
  return `complete-${orderId.replaceAll('-', '')}`.slice(0, 32);
}

/**
 * The shopper is back from Amazon (checkoutResultReturnUrl). Completes the session for
 * exactly the amount we set, then records what Amazon says happened. Safe to run any
 * number of times, in any number of tabs: Amazon replays the completion, and the
 * order only leaves `pending` once.
 */
export async function completeCheckout(
  db: Database,
  amazon: AmazonPayClient,
  input: { checkoutSessionId: string; shopperTokenHash: string | null },
): Promise<CompletionOutcome> {
  const [order] = await db.select().from(orders).where(eq(orders.checkoutSessionId, input.checkoutSessionId)).limit(1);
  // Someone else's order looks exactly like no order.
  if (!order || !input.shopperTokenHash || order.browserTokenHash !== input.shopperTokenHash) {
    throw new NotFoundError('We could not find that order. If you paid, it will appear in your account shortly.');
  }
  if (order.status !== 'pending') return outcomeOf(order);

  const total = toAmazonPrice(money(order.totalAmount, order.currency));
  let session: CheckoutSession;
  try {
    session = await completeOrFinalize(amazon, order, total);
  } catch (error) {
    // A decline or cancel arrives as an error; the session itself says what happened.
    if (!(error instanceof AmazonPayError) || error.status >= 500 || error.status === 0) throw error;
    session = await amazon.getCheckoutSession(input.checkoutSessionId);
  }
  return recordCompletion(db, amazon, order, session);
}

/**
 * Complete needs the amount Amazon already holds for the session. If Amazon holds
 * another one (we crashed between telling Amazon a changed total and recording it),
 * Finalize sets our recorded, server-computed amount and completes in the same call
 * (FinalizeCheckoutSession, as the .NET SDK README shows it: https://github.com/amzn/amazon-pay-api-sdk-dotnet),
 * instead of failing the shopper's payment.
 */
async function completeOrFinalize(amazon: AmazonPayClient, order: OrderRow, total: AmazonPrice): Promise<CheckoutSession> {
  const current = await amazon.getCheckoutSession(order.checkoutSessionId!);
  const held = current.paymentDetails?.chargeAmount;
  const matches = held && held.currencyCode === total.currencyCode && fromAmazonPrice(held).amount === order.totalAmount;
  if (current.statusDetails.state !== 'Open' || matches) {
    return amazon.completeCheckoutSession(
      order.checkoutSessionId!,
      { chargeAmount: total, totalOrderAmount: total },
      { idempotencyKey: completionIdempotencyKey(order.id) },
    );
  }
  return amazon.finalizeCheckoutSession(
    order.checkoutSessionId!,
    {
      chargeAmount: total,
      totalOrderAmount: total,
      paymentIntent: order.paymentIntent === 'AuthorizeWithCapture' ? 'AuthorizeWithCapture' : 'Authorize',
      canHandlePendingAuthorization: true,
    },
    { idempotencyKey: `finalize-${order.id.replaceAll('-', '')}`.slice(0, 32) },
  );
}

async function recordCompletion(
  db: Database,
  amazon: AmazonPayClient,
  order: OrderRow,
  session: CheckoutSession,
): Promise<CompletionOutcome> {
  const state = session.statusDetails.state;
  if (state === 'Canceled') {
    const reasonCode = session.statusDetails.reasonCode ?? 'Canceled';
    await settle(
      db,
      order,
      { status: 'canceled', paymentState: 'Canceled', lastReasonCode: reasonCode },
      'checkout.canceled',
      session.checkoutSessionId,
      {
        reasonCode,
      },
    );
    return { kind: 'failed', orderNumber: order.number, reasonCode };
  }
  if (state !== 'Completed') {
    // Still Open: the shopper has not finished on Amazon's pages; nothing to record.
    return { kind: 'failed', orderNumber: order.number, reasonCode: 'CheckoutNotCompleted' };
  }

  const chargeId = session.chargeId ?? null;
  const chargePermissionId = session.chargePermissionId ?? null;
  const charge = chargeId ? await amazon.getCharge(chargeId) : null;

  await db.transaction(async (tx) => {
    // Only the first tab to get here records the completion; the others find it done.
    const claimed = await tx
      .update(orders)
      .set({ chargePermissionId, status: charge ? 'pending' : 'authorized', paymentState: 'Completed', updatedAt: new Date() })
      .where(and(eq(orders.id, order.id), eq(orders.status, 'pending')))
      .returning({ id: orders.id });
    if (claimed.length === 0) return;
    await recordPaymentEvent(tx, {
      orderId: order.id,
      type: 'checkout.completed',
      actor: 'shopper',
      amazonObjectId: session.checkoutSessionId,
      detail: { chargeId, chargePermissionId, total: order.totalAmount, currency: order.currency },
    });
    if (charge) await recordCharge(tx, charge, 'shopper');
    const [now] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
    // A declined payment leaves the cart as it was, ready for another try.
    if (order.cartId && now && !FAILED_STATUSES.has(now.status)) await clearCart(tx, order.cartId);
  });
  const [updated] = await db.select().from(orders).where(eq(orders.id, order.id));
  return outcomeOf(updated ?? order);
}

async function settle(
  db: Database,
  order: OrderRow,
  values: Partial<typeof orders.$inferInsert>,
  eventType: string,
  amazonObjectId: string,
  detail: Record<string, string>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(orders)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(orders.id, order.id), eq(orders.status, 'pending')))
      .returning({ id: orders.id });
    if (changed.length > 0)
      await recordPaymentEvent(tx, { orderId: order.id, type: eventType, actor: 'amazon', amazonObjectId, detail });
  });
}

const FAILED_STATUSES = new Set(['canceled', 'declined']);

function outcomeOf(order: OrderRow): CompletionOutcome {
  return FAILED_STATUSES.has(order.status)
    ? { kind: 'failed', orderNumber: order.number, reasonCode: order.lastReasonCode ?? 'Canceled' }
    : { kind: 'placed', orderNumber: order.number, status: order.status };
}
