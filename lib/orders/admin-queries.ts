import { count, desc } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { orders } from '@/lib/db/schema';
import { isCurrencyCode, money, type Money } from '@/lib/money';

export interface OrderSummary {
  id: string;
  number: string;
  createdAt: Date;
  status: string;
  paymentState: string;
  buyerEmail: string | null;
  total: Money;
}

export async function listLatestOrders(db: Database, limit: number): Promise<{ orders: OrderSummary[]; totalCount: number }> {
  const [rows, [total]] = await Promise.all([
    db.select().from(orders).orderBy(desc(orders.createdAt), desc(orders.id)).limit(limit),
    db.select({ value: count() }).from(orders),
  ]);
  return {
    totalCount: total?.value ?? 0,
    orders: rows.map((row) => ({
      id: row.id,
      number: row.number,
      createdAt: row.createdAt,
      status: row.status,
      paymentState: row.paymentState,
      buyerEmail: row.buyerEmail,
      total: money(row.totalAmount, isCurrencyCode(row.currency) ? row.currency : 'USD'),
    })),
  };
}
