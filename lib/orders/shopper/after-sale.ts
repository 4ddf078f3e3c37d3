import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Refund } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import { adminOperations, payments, refunds } from '@/lib/db/schema';
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

/** What happened to an order after it was placed, as the shopper sees it: its refunds and parcels. */
export interface OrderAfterSale {
  refunds: OrderRefundEntry[];
  tracking: OrderTrackingEntry[];
}

/** The request addDeliveryTracking records; anything else in the row is not the shopper's business. */
const trackingRequestSchema = z.object({ carrierCode: z.string().min(1), trackingNumber: z.string().min(1) });

export async function findOrderAfterSale(db: Database, orderId: string): Promise<OrderAfterSale> {
  const [refundRows, trackingRows] = await Promise.all([
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
