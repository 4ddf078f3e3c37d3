import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Refund } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import { adminOperations, orders, payments, refunds } from '@/lib/db/schema';
import type { FulfilmentStatus } from '@/lib/orders/fulfilment-status';
import { money, type Money } from '@/lib/money';

export interface OrderRefundEntry {
  refundId: string;
  state: Refund['statusDetails']['state'];
  amount: Money;
  requestedAt: Date;
}

export interface OrderTrackingEntry {
  carrierCode: string;
  trackingNumber: string;
  addedAt: Date;
}

/** Where the goods are: the order's status and, once shipped, its latest parcel. */
export interface OrderFulfilment {
  status: FulfilmentStatus;
  carrierCode: string | null;
  trackingNumber: string | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
}

/** What happened to an order after it was placed, as the shopper sees it: where the goods are, its refunds and parcels. */
export interface OrderAfterSale {
  fulfilment: OrderFulfilment;
  refunds: OrderRefundEntry[];
  tracking: OrderTrackingEntry[];
}

export const UNFULFILLED: OrderFulfilment = {
  status: 'unfulfilled',
  carrierCode: null,
  trackingNumber: null,
  shippedAt: null,
  deliveredAt: null,
};

/** The request addDeliveryTracking records; anything else in the row is not the shopper's business. */
const trackingRequestSchema = z.object({ carrierCode: z.string().min(1), trackingNumber: z.string().min(1) });

export async function findOrderAfterSale(db: Database, orderId: string): Promise<OrderAfterSale> {
  const [fulfilmentRows, refundRows, trackingRows] = await Promise.all([
    db
      .select({
        status: orders.fulfilmentStatus,
        carrierCode: orders.shippingCarrier,
        trackingNumber: orders.trackingNumber,
        shippedAt: orders.shippedAt,
        deliveredAt: orders.deliveredAt,
      })
      .from(orders)
      .where(eq(orders.id, orderId)),
    db
      .select({ refund: refunds })
      .from(refunds)
      .innerJoin(payments, eq(payments.id, refunds.paymentId))
      .where(eq(payments.orderId, orderId))
      .orderBy(asc(refunds.createdAt), asc(refunds.id)),
    // Only trackers Amazon accepted: a failed or pending call tells the shopper nothing true.
    db
      .select({ request: adminOperations.request, createdAt: adminOperations.createdAt })
      .from(adminOperations)
      .where(
        and(
          eq(adminOperations.orderId, orderId),
          eq(adminOperations.kind, 'delivery_tracking'),
          eq(adminOperations.status, 'succeeded'),
        ),
      )
      .orderBy(asc(adminOperations.createdAt), asc(adminOperations.id)),
  ]);
  return {
    fulfilment: fulfilmentRows[0] ?? UNFULFILLED,
    refunds: refundRows.map(({ refund }) => ({
      refundId: refund.refundId,
      state: refund.state,
      amount: money(refund.amount, refund.currency),
      requestedAt: refund.createdAt,
    })),
    tracking: trackingRows.flatMap((row) => {
      const parsed = trackingRequestSchema.safeParse(row.request);
      return parsed.success ? [{ ...parsed.data, addedAt: row.createdAt }] : [];
    }),
  };
}
