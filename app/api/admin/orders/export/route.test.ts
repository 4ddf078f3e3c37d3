import { inArray, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/connection';
import { orders } from '@/lib/db/schema';
import { openDatabase } from '@/lib/db/connection';

const { state } = vi.hoisted(() => ({ state: { db: null as DatabaseHandle['db'] | null, admin: true } }));
vi.mock('@/lib/db', () => ({ getDb: async () => state.db }));
vi.mock('@/lib/auth', () => ({ getAdminSession: async () => (state.admin ? { user: { role: 'admin' } } : null) }));

const { GET } = await import('./route');

describe('order CSV export', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase('memory:');
    state.db = handle.db;
    // More rows than one batch (500), so the stream has to page.
    await handle.db.insert(orders).values(
      Array.from({ length: 1_203 }, (_, index): typeof orders.$inferInsert => ({
        status: index % 2 === 0 ? 'paid' : 'pending',
        // Paid orders were placed; the export, like the list, shows orders unless asked for attempts.
        placedAt: index % 2 === 0 ? new Date(Date.UTC(2026, 0, 1) + index * 60_000) : null,
        paymentState: 'none',
        currency: 'USD',
        subtotalAmount: 1000,
        shippingAmount: 0,
        taxAmount: 0,
        totalAmount: 1000,
        createdAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000),
      })),
    );
  });
  afterAll(async () => handle?.close());

  it('streams every matching order once, with the filters and a download name', async () => {
    const response = await GET(new Request('http://localhost/api/admin/orders/export?status=paid&sort=number&dir=asc'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="orders-\d{8}-\d{6}\.csv"$/);
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^number,created_at,status/);
    const numbers = lines.slice(1).map((line) => line.split(',')[0]);
    expect(numbers).toHaveLength(602);
    expect(new Set(numbers).size).toBe(602);
    expect(lines.slice(1).every((line) => line.split(',')[2] === 'paid')).toBe(true);
  });

  it('carries the fulfilment filter', async () => {
    const [first, second] = await handle.db
      .select({ id: orders.id, number: orders.number })
      .from(orders)
      .where(isNotNull(orders.placedAt))
      .limit(2);
    await handle.db
      .update(orders)
      .set({ fulfilmentStatus: 'shipped' })
      .where(inArray(orders.id, [first!.id, second!.id]));
    try {
      const response = await GET(new Request('http://localhost/api/admin/orders/export?fulfilmentStatus=shipped'));
      expect(response.status).toBe(200);
      const rows = (await response.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .slice(1);
      expect(rows.map((line) => line.split(',')[0]).sort()).toEqual([first!.number, second!.number].sort());
    } finally {
      await handle.db.update(orders).set({ fulfilmentStatus: 'unfulfilled' });
    }
  });

  it('refuses bad filters and anyone but the admin', async () => {
    expect((await GET(new Request('http://localhost/api/admin/orders/export?status=shipped'))).status).toBe(400);
    expect((await GET(new Request('http://localhost/api/admin/orders/export?fulfilmentStatus=lost'))).status).toBe(400);
    state.admin = false;
    expect((await GET(new Request('http://localhost/api/admin/orders/export'))).status).toBe(401);
    state.admin = true;
  });
});
