import { eq } from 'drizzle-orm';
import type { AmazonPayClient } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import { orders } from '@/lib/db/schema';
import { NotFoundError } from '@/lib/errors';
import { errorFields, log } from '@/lib/log';
import { completeOrderPayment, type OrderRow } from '@/lib/orders/payments/completion';
import { finishOrder } from '@/lib/orders/payments/finish';

export { completionIdempotencyKey } from '@/lib/orders/payments/completion';

/**
 * What the shopper is shown after coming back from Amazon. `confirming`: the payment was
 * approved on Amazon's pages but its outcome is not known yet (Amazon was slow, busy or
 * unreachable, or it is still authorizing); the order page follows it to the end.
 */
export type CompletionOutcome =
  | { kind: 'placed'; orderNumber: string; status: string }
  | { kind: 'confirming'; orderNumber: string }
  /** Amazon declined or canceled before completion: the cart still holds what the shopper was buying. */
  | { kind: 'failed'; orderNumber: string; reasonCode: string }
  /** Completed, then declined (e.g. after a pending authorization): the order page offers to pay again. */
  | { kind: 'declined'; orderNumber: string; reasonCode: string };

export interface CompletionOptions {
  /** Called when the outcome is not known yet, so background work finishes the order if the shopper leaves. */
  followUp?: (orderId: string) => Promise<void>;
}

/**
 * The shopper is back from Amazon (checkoutResultReturnUrl). Completes the session for
 * exactly the amount we recorded, then records what Amazon says happened. Safe to run
 * any number of times, in any number of tabs: Amazon replays the completion, and the
 * order only leaves `pending` once. Only Amazon's own decline or cancel is a failure.
 */
export async function completeCheckout(
  db: Database,
  amazon: AmazonPayClient,
  input: { checkoutSessionId: string; shopperTokenHash: string | null },
  options: CompletionOptions = {},
): Promise<CompletionOutcome> {
  const [order] = await db.select().from(orders).where(eq(orders.checkoutSessionId, input.checkoutSessionId)).limit(1);
  // Someone else's order looks exactly like no order.
  if (!order || !input.shopperTokenHash || order.browserTokenHash !== input.shopperTokenHash) {
    throw new NotFoundError('We could not find that order. If you paid, it will appear in your account shortly.');
  }
  if (order.status !== 'pending') return outcomeOf(order);

  try {
    const result = order.chargePermissionId ? null : await completeOrderPayment(db, amazon, order, 'shopper');
    if (result?.state === 'Open') {
      return { kind: 'failed', orderNumber: order.number, reasonCode: result.reasonCode ?? 'CheckoutNotCompleted' };
    }
    // Another tab (or process) recorded the completion: read the charge it may still be recording.
    if (!result) await finishOrder(db, amazon, order.id, { actor: 'shopper' });
  } catch (error) {
    // The completion, or reading the charge after it, did not answer. The request is
    // recorded, so the follow-up (and every scheduled resync) finishes the order.
    log.warn({ context: 'checkout.complete', order: order.number, ...errorFields(error) }, 'completion outcome unknown');
    await options
      .followUp?.(order.id)
      .catch((followUpError: unknown) =>
        log.error({ context: 'checkout.complete', order: order.number, ...errorFields(followUpError) }, 'follow-up not queued'),
      );
    return { kind: 'confirming', orderNumber: order.number };
  }
  const [updated] = await db.select().from(orders).where(eq(orders.id, order.id));
  return outcomeOf(updated ?? order);
}

const FAILED_STATUSES = new Set(['canceled', 'declined']);

function outcomeOf(order: OrderRow): CompletionOutcome {
  if (FAILED_STATUSES.has(order.status)) {
    const reasonCode = order.lastReasonCode ?? 'Canceled';
    return { kind: order.chargePermissionId ? 'declined' : 'failed', orderNumber: order.number, reasonCode };
  }
  if (order.status === 'pending' || order.status === 'payment_processing') {
    return { kind: 'confirming', orderNumber: order.number };
  }
  return { kind: 'placed', orderNumber: order.number, status: order.status };
}
