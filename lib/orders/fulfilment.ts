import { and, eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { orders } from '@/lib/db/schema';
import type { FulfilmentStatus } from './fulfilment-status';
import { recordPaymentEvent } from './payments/events';
import { loadOrder } from './payments/operation-context';
import { OperationRefusedError } from './payments/operation-errors';
import { trackingRefusal } from './payments/after-sale-gates';

/**
 * An order's goods: unfulfilled until Amazon accepts a delivery tracker for it, then shipped,
 * then delivered when the merchant says so. Amazon does not report deliveries back to us
 * (https://developer.amazon.com/docs/amazon-pay-api-v2/delivery-tracker.html only takes trackers in).
 */

export type FulfilmentChange = 'ship' | 'deliver';

/**
 * The status a change leads to. Another parcel (a replacement, the rest of the order) ships an
 * order again, whatever it was; only a shipped order can be delivered, and delivering it twice
 * (a double click) leaves it delivered.
 */
export function fulfilmentAfter(current: FulfilmentStatus, change: FulfilmentChange): FulfilmentStatus {
  if (change === 'ship') return 'shipped';
  if (current === 'unfulfilled') throw new OperationRefusedError('This order has not shipped yet: send its tracking first.');
  return 'delivered';
}

export interface Shipment {
  carrierCode: string;
  trackingNumber: string;
}

/** Marks the order shipped with its latest parcel; called in the transaction that records Amazon accepting the tracker. */
export async function recordShipment(tx: Database, orderId: string, shipment: Shipment): Promise<void> {
  const now = new Date();
  await tx
    .update(orders)
    .set({
      fulfilmentStatus: 'shipped',
      shippingCarrier: shipment.carrierCode,
      trackingNumber: shipment.trackingNumber,
      shippedAt: now,
      deliveredAt: null,
      updatedAt: now,
    })
    .where(eq(orders.id, orderId));
}

export interface DeliveredInput {
  orderNumber: string;
}

/** The merchant's word that a shipped order arrived. Returns false when it was marked delivered already. */
export async function markOrderDelivered(db: Database, input: DeliveredInput): Promise<{ changed: boolean }> {
  const order = await loadOrder(db, input.orderNumber);
  const refusal = trackingRefusal(order);
  if (refusal) throw new OperationRefusedError(refusal);
  if (fulfilmentAfter(order.fulfilmentStatus, 'deliver') === order.fulfilmentStatus) return { changed: false };
  return db.transaction(async (tx) => {
    const now = new Date();
    // Conditional on still being shipped: of two tabs pressing at once, one records the change.
    const [updated] = await tx
      .update(orders)
      .set({ fulfilmentStatus: 'delivered', deliveredAt: now, updatedAt: now })
      .where(and(eq(orders.id, order.id), eq(orders.fulfilmentStatus, 'shipped')))
      .returning({ id: orders.id });
    if (!updated) return { changed: false };
    await recordPaymentEvent(tx, {
      orderId: order.id,
      type: 'order.fulfilment_changed',
      actor: 'admin',
      detail: { fulfilmentStatus: 'delivered' },
    });
    return { changed: true };
  });
}
