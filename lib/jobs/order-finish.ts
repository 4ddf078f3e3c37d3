import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { orders } from '@/lib/db/schema';
import { finishOrder } from '@/lib/orders/payments/finish';
import { defineJob } from './definitions';

export const FINISH_ORDER = 'order-finish';

/** The order's completion is still unknown to us; the job is retried, with backoff, until it is recorded. */
export class CompletionUnknownError extends Error {
  override readonly name = 'CompletionUnknownError';
}

/**
 * Finishes an order whose completion did not answer (a timeout, throttling, a crash):
 * re-reads the checkout session and completes it with the shopper's own key, so the
 * shopper who closed the tab still gets their order. Once the order is linked to its
 * charge permission, IPNs and the resync sweep follow the payment from there.
 */
export const finishOrderJob = defineJob({
  name: FINISH_ORDER,
  title: 'Order completion follow-up',
  description: 'Finishes each checkout whose completion with Amazon Pay did not answer, from what the database recorded.',
  payload: z.object({ orderId: z.uuid() }),
  // One follow-up per order at a time, however often the shopper reloads.
  policy: 'singleton',
  // 5 s, doubling: about twenty minutes in all, then the resync sweep carries on.
  retryLimit: 8,
  retryDelay: 5,
  retryBackoff: true,
  expireInSeconds: 120,
  async run({ orderId }, { db, amazon }) {
    await finishOrder(db, amazon, orderId);
    const [order] = await db
      .select({ number: orders.number, status: orders.status, chargePermissionId: orders.chargePermissionId })
      .from(orders)
      .where(eq(orders.id, orderId));
    if (!order) return { order: null, status: 'missing' };
    if (order.status === 'pending' && !order.chargePermissionId) {
      throw new CompletionUnknownError(`order ${order.number} is not completed yet`);
    }
    return { order: order.number, status: order.status };
  },
});
