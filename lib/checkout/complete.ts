import { and, eq } from 'drizzle-orm';
import { AmazonPayError, type AmazonPayClient, type CheckoutSession } from '@/lib/amazon-pay';
import { clearCart } from '@/lib/cart/cart';
import type { Database } from '@/lib/db/connection';
import { orders, payments } from '@/lib/db/schema';
import { NotFoundError } from '@/lib/errors';
import { fromAmazonPrice, money, toAmazonPrice, type CurrencyCode } from '@/lib/money';
import { recordPaymentEvent } from '@/lib/orders/events';
import { orderStatusForCharge } from '@/lib/orders/status';

export type CompletionOutcome =
  | { kind: 'placed'; orderNumber: string; status: string }
  | { kind: 'failed'; orderNumber: string; reasonCode: string };

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

  const currency = order.currency as CurrencyCode;
  const total = toAmazonPrice(money(order.totalAmount, currency));
  let session: CheckoutSession;
  try {
    session = await amazon.completeCheckoutSession(
      input.checkoutSessionId,
      { chargeAmount: total, totalOrderAmount: total },
      { idempotencyKey: completionIdempotencyKey(order.id) },
    );
  } catch (error) {
    // A decline or cancel arrives as an error; the session itself says what happened.
    if (!(error instanceof AmazonPayError) || error.status >= 500 || error.status === 0) throw error;
    session = await amazon.getCheckoutSession(input.checkoutSessionId);
  }
  return recordCompletion(db, amazon, order, session);
}

async function recordCompletion(db: Database, amazon: AmazonPayClient, order: OrderRow, session: CheckoutSession): Promise<CompletionOutcome> {
  const state = session.statusDetails.state;
  if (state === 'Canceled') {
    const reasonCode = session.statusDetails.reasonCode ?? 'Canceled';
    await settle(db, order, { status: 'canceled', paymentState: 'Canceled', lastReasonCode: reasonCode }, 'checkout.canceled', session.checkoutSessionId, {
      reasonCode,
    });
    return { kind: 'failed', orderNumber: order.number, reasonCode };
  }
  if (state !== 'Completed') {
    // Still Open: the shopper has not finished on Amazon's pages; nothing to record.
    return { kind: 'failed', orderNumber: order.number, reasonCode: 'CheckoutNotCompleted' };
  }

  const chargeId = session.chargeId ?? null;
  const chargePermissionId = session.chargePermissionId ?? null;
  const charge = chargeId ? await amazon.getCharge(chargeId) : null;
  const chargeState = charge?.statusDetails.state ?? null;
  const status = chargeId ? orderStatusForCharge(chargeState) : 'authorized';
  const currency = order.currency as CurrencyCode;

  await db.transaction(async (tx) => {
    if (charge && chargeId && chargePermissionId) {
      const authorized = charge.chargeAmount ? fromAmazonPrice(charge.chargeAmount).amount : order.totalAmount;
      const captured = charge.captureAmount ? fromAmazonPrice(charge.captureAmount).amount : 0;
      await tx
        .insert(payments)
        .values({
          orderId: order.id,
          chargeId,
          chargePermissionId,
          state: chargeState ?? 'Unknown',
          reasonCode: charge.statusDetails.reasonCode ?? null,
          currency,
          authorizedAmount: authorized,
          capturedAmount: captured,
        })
        .onConflictDoNothing({ target: payments.chargeId });
    }
    const changed = await tx
      .update(orders)
      .set({
        status,
        paymentState: chargeState ?? 'Chargeable',
        chargePermissionId,
        lastReasonCode: charge?.statusDetails.reasonCode ?? null,
        updatedAt: new Date(),
      })
      .where(and(eq(orders.id, order.id), eq(orders.status, 'pending')))
      .returning({ id: orders.id });
    if (changed.length > 0) {
      await recordPaymentEvent(tx, {
        orderId: order.id,
        type: 'checkout.completed',
        actor: 'shopper',
        amazonObjectId: chargeId ?? chargePermissionId,
        detail: { chargeState, chargePermissionId, total: order.totalAmount, currency },
      });
      if (order.cartId) await clearCart(tx, order.cartId);
    }
  });
  return { kind: 'placed', orderNumber: order.number, status };
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
    if (changed.length > 0) await recordPaymentEvent(tx, { orderId: order.id, type: eventType, actor: 'amazon', amazonObjectId, detail });
  });
}

function outcomeOf(order: OrderRow): CompletionOutcome {
  return order.status === 'canceled' || order.status === 'declined'
    ? { kind: 'failed', orderNumber: order.number, reasonCode: order.lastReasonCode ?? 'Canceled' }
    : { kind: 'placed', orderNumber: order.number, status: order.status };
}
