import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { orderLines, orders, paymentEvents, payments, refunds } from '@/lib/db/schema';

/** Everything we hold about one order, as stored: for the admin API and exports. */
export async function loadOrderRecord(db: Database, number: string) {
  const [order] = await db.select().from(orders).where(eq(orders.number, number)).limit(1);
  if (!order) return null;
  const [lines, charges, events] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, order.id)),
    db.select().from(payments).where(eq(payments.orderId, order.id)).orderBy(asc(payments.createdAt)),
    db.select().from(paymentEvents).where(eq(paymentEvents.orderId, order.id)).orderBy(asc(paymentEvents.id)),
  ]);
  const refundRows = charges.length
    ? (await Promise.all(charges.map((charge) => db.select().from(refunds).where(eq(refunds.paymentId, charge.id))))).flat()
    : [];
  const { browserTokenHash: _private, ...visible } = order;
  return { order: visible, lines, payments: charges, refunds: refundRows, events };
}
