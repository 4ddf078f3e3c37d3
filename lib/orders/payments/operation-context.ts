import { and, eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { orderLines, orders, payments, refunds } from '@/lib/db/schema';
import { NotFoundError } from '@/lib/errors';
import { fromDecimalString, MoneyError, type CurrencyCode } from '@/lib/money';
import { OperationRefusedError } from './operation-errors';

/** Loading and checking what an admin payment operation acts on, from our stored state. */

export type OrderRow = typeof orders.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;

export async function loadOrder(db: Database, orderNumber: string): Promise<OrderRow> {
  const [order] = await db.select().from(orders).where(eq(orders.number, orderNumber)).limit(1);
  if (!order) throw new NotFoundError(`There is no order ${orderNumber}.`);
  return order;
}

export async function loadOrderPayment(
  db: Database,
  orderNumber: string,
  chargeId: string,
): Promise<{ order: OrderRow; payment: PaymentRow }> {
  const order = await loadOrder(db, orderNumber);
  const [payment] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.orderId, order.id), eq(payments.chargeId, chargeId)))
    .limit(1);
  if (!payment) throw new NotFoundError(`Order ${orderNumber} has no charge ${chargeId}.`);
  return { order, payment };
}

/** A positive amount in the order's currency, as minor units; refused in words otherwise. */
export function parseAmount(value: string, currency: CurrencyCode): number {
  let amount: number;
  try {
    amount = fromDecimalString(value, currency).amount;
  } catch (error) {
    if (error instanceof MoneyError) throw new OperationRefusedError(`“${value}” is not an amount in ${currency}.`);
    throw error;
  }
  if (amount <= 0) throw new OperationRefusedError('The amount must be more than zero.');
  return amount;
}

/** Refunds of a charge that still count against it: every one not declined. */
export async function refundsOf(db: Database, paymentId: string): Promise<{ count: number; committedAmount: number }> {
  const rows = await db
    .select({ amount: refunds.amount, state: refunds.state })
    .from(refunds)
    .where(eq(refunds.paymentId, paymentId));
  const committedAmount = rows.filter((row) => row.state !== 'Declined').reduce((sum, row) => sum + row.amount, 0);
  return { count: rows.length, committedAmount };
}

export async function hasPhysicalLine(db: Database, orderId: string): Promise<boolean> {
  const [line] = await db
    .select({ id: orderLines.id })
    .from(orderLines)
    .where(and(eq(orderLines.orderId, orderId), eq(orderLines.kind, 'physical')))
    .limit(1);
  return Boolean(line);
}

/** The order and its charge permission, for an operation that acts on the permission. */
export async function loadOrderWithPermission(
  db: Database,
  orderNumber: string,
): Promise<{ order: OrderRow; chargePermissionId: string }> {
  const order = await loadOrder(db, orderNumber);
  if (!order.chargePermissionId) throw new OperationRefusedError('This order has no Amazon Pay charge permission yet.');
  return { order, chargePermissionId: order.chargePermissionId };
}
