import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/connection';
import { orders, payments } from '@/lib/db/schema';
import { money } from '@/lib/money';
import type { OrderStatus } from '@/lib/orders/status';
import { testDatabaseTargets } from '@/test/databases';
import { dailyFigures, latestOrders, statusCounts } from './dashboard';

describe.each(testDatabaseTargets)('admin dashboard on $name', (target) => {
  let handle: DatabaseHandle;
  const now = new Date('2026-04-30T15:00:00Z');

  beforeAll(async () => {
    handle = await target.open();
    // `placed` is whether a charge was ever authorized: only then is the order a sale.
    const order = (day: string, status: OrderStatus, placed = true): typeof orders.$inferInsert => ({
      status,
      placedAt: placed ? new Date(`${day}T12:05:00Z`) : null,
      paymentState: 'none',
      currency: 'USD',
      subtotalAmount: 5000,
      shippingAmount: 0,
      taxAmount: 0,
      totalAmount: 5000,
      createdAt: new Date(`${day}T12:00:00Z`),
    });
    const [paid, refunded] = await handle.db
      .insert(orders)
      .values([
        order('2026-04-30', 'paid'),
        order('2026-04-30', 'partially_refunded'),
        // Placed, then canceled by the merchant: still an order that day.
        order('2026-04-29', 'canceled'),
        // Checkout attempts: declined or canceled before money was held, or never completed.
        order('2026-04-29', 'declined', false),
        order('2026-04-29', 'canceled', false),
        order('2026-04-30', 'pending', false),
        order('2026-03-01', 'paid'),
      ])
      .returning({ id: orders.id });
    const charge = (orderId: string, id: string, captured: number, refundedAmount: number): typeof payments.$inferInsert => ({
      orderId,
      chargeId: id,
      chargePermissionId: `P-${id}`,
      state: 'Captured',
      currency: 'USD',
      authorizedAmount: 5000,
      capturedAmount: captured,
      refundedAmount,
    });
    await handle.db.insert(payments).values([charge(paid!.id, 'C-1', 5000, 0), charge(refunded!.id, 'C-2', 5000, 1500)]);
  });
  afterAll(async () => handle?.close());

  it('gives 30 days oldest first, empty days included, placed orders only, revenue as captured minus refunded', async () => {
    const days = await dailyFigures(handle.db, 'USD', now);
    expect(days).toHaveLength(30);
    expect(days[0]?.day).toBe('2026-04-01');
    expect(days.at(-1)).toEqual({ day: '2026-04-30', orders: 2, revenue: money(8500, 'USD') });
    expect(days.at(-2)).toEqual({ day: '2026-04-29', orders: 1, revenue: money(0, 'USD') });
    expect(days.reduce((sum, day) => sum + day.orders, 0)).toBe(3);
    expect(days.map((day) => day.orders)).toEqual([...Array.from({ length: 28 }, () => 0), 1, 2]);
  });

  it('counts placed orders by status and lists the latest orders first, never attempts', async () => {
    const counts = await statusCounts(handle.db);
    expect(counts[0]).toEqual({ status: 'paid', count: 2 });
    expect([...counts].sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { status: 'canceled', count: 1 },
      { status: 'paid', count: 2 },
      { status: 'partially_refunded', count: 1 },
    ]);
    const latest = await latestOrders(handle.db, 3);
    expect(latest.map((row) => row.createdAt.toISOString().slice(0, 10))).toEqual(['2026-04-30', '2026-04-30', '2026-04-29']);
    expect(latest.map((row) => row.status)).not.toContain('pending');
    expect(latest.at(-1)?.status).toBe('canceled');
  });
});
