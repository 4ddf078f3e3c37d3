import { and, count, desc, eq, gte, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { orders, payments, resyncRuns } from '@/lib/db/schema';
import { money, type CurrencyCode, type Money } from '@/lib/money';
import { placedCondition, toAdminOrderRow, type AdminOrderRow } from './list';

export interface DailyFigure {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** Orders placed that day: checkout attempts that never held money are not sales. */
  orders: number;
  /** Captured minus refunded, in the store currency, for orders placed that day. */
  revenue: Money;
}

export interface DashboardData {
  days: DailyFigure[];
  statusCounts: Array<{ status: string; count: number }>;
  latest: AdminOrderRow[];
  lastRun: {
    startedAt: Date;
    status: string;
    ordersChecked: number;
    ordersChanged: number;
    notificationsProcessed: number;
  } | null;
}

const DAY_MS = 86_400_000;

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The last `dayCount` UTC days, oldest first, with empty days filled in so the chart
 * has no gaps. Revenue is money actually taken (captured − refunded), not order totals,
 * because an authorized or declined order has not paid the merchant anything.
 */
export async function dailyFigures(
  db: Database,
  currency: CurrencyCode,
  now = new Date(),
  dayCount = 30,
): Promise<DailyFigure[]> {
  const firstDay = new Date(Date.parse(utcDay(now)) - (dayCount - 1) * DAY_MS);
  // The day an order became a sale (its first authorization), not the day its checkout began.
  const dayOf = sql<string>`to_char(${orders.placedAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const placedSince = and(placedCondition, gte(orders.placedAt, firstDay));
  const [counted, taken] = await Promise.all([
    db.select({ day: dayOf, orders: count() }).from(orders).where(placedSince).groupBy(dayOf),
    db
      .select({ day: dayOf, revenue: sql<string>`coalesce(sum(${payments.capturedAmount} - ${payments.refundedAmount}), 0)` })
      .from(payments)
      .innerJoin(orders, eq(payments.orderId, orders.id))
      .where(and(placedSince, eq(payments.currency, currency)))
      .groupBy(dayOf),
  ]);
  const countByDay = new Map(counted.map((row) => [row.day, row.orders]));
  // sum() of integers is a bigint, which the drivers hand back as a string.
  const revenueByDay = new Map(taken.map((row) => [row.day, Number(row.revenue)]));
  return Array.from({ length: dayCount }, (_, index) => {
    const day = utcDay(new Date(firstDay.getTime() + index * DAY_MS));
    return { day, orders: countByDay.get(day) ?? 0, revenue: money(revenueByDay.get(day) ?? 0, currency) };
  });
}

/** Placed orders by status; attempts are listed under the order list's Attempts tab. */
export async function statusCounts(db: Database): Promise<Array<{ status: string; count: number }>> {
  const rows = await db
    .select({ status: orders.status, count: count() })
    .from(orders)
    .where(placedCondition)
    .groupBy(orders.status);
  return rows.sort((a, b) => b.count - a.count);
}

export async function latestOrders(db: Database, limit = 8): Promise<AdminOrderRow[]> {
  const rows = await db
    .select()
    .from(orders)
    .where(placedCondition)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit);
  return rows.map(toAdminOrderRow);
}

export async function lastResync(db: Database): Promise<DashboardData['lastRun']> {
  const [row] = await db.select().from(resyncRuns).orderBy(desc(resyncRuns.startedAt)).limit(1);
  return row
    ? {
        startedAt: row.startedAt,
        status: row.status,
        ordersChecked: row.ordersChecked,
        ordersChanged: row.ordersChanged,
        notificationsProcessed: row.notificationsProcessed,
      }
    : null;
}

export async function loadDashboard(db: Database, currency: CurrencyCode, now = new Date()): Promise<DashboardData> {
  const [days, counts, latest, lastRun] = await Promise.all([
    dailyFigures(db, currency, now),
    statusCounts(db),
    latestOrders(db),
    lastResync(db),
  ]);
  return { days, statusCounts: counts, latest, lastRun };
}
