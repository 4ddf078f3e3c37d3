import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/connection';
import { orderLines, orders, payments } from '@/lib/db/schema';
import { testDatabaseTargets } from '@/test/databases';
import { eachOrderBatch, isFiltered, listAdminOrders, orderListQuerySchema, SEARCH_COUNT_CAP, type OrderListQuery } from './list';

const query = (input: Record<string, string> = {}): OrderListQuery => orderListQuerySchema.parse(input);
/** Orders and checkout attempts together: the list's mechanics work the same on every view. */
const everything = (input: Record<string, string> = {}): OrderListQuery => query({ view: 'all', ...input });

describe('order list query parameters', () => {
  it('fills defaults, treats blank fields as absent and refuses unknown values', () => {
    expect(query({ q: '', status: '' })).toMatchObject({
      view: 'orders',
      sort: 'date',
      dir: 'desc',
      size: 50,
      q: undefined,
      status: undefined,
    });
    expect(orderListQuerySchema.safeParse({ view: 'drafts' }).success).toBe(false);
    expect(orderListQuerySchema.safeParse({ status: 'shipped' }).success).toBe(false);
    expect(orderListQuerySchema.safeParse({ size: '1000' }).success).toBe(false);
    expect(orderListQuerySchema.safeParse({ from: '2026-13-45' }).success).toBe(false);
    expect(orderListQuerySchema.safeParse({ from: '0000-01-01' }).success).toBe(false);
    expect(orderListQuerySchema.safeParse({ q: 'NW-1\0' }).success).toBe(false);
    expect(orderListQuerySchema.safeParse({ fulfilmentStatus: 'lost' }).success).toBe(false);
    expect(query({ fulfilmentStatus: '' }).fulfilmentStatus).toBeUndefined();
    expect(query({ fulfilmentStatus: 'shipped' }).fulfilmentStatus).toBe('shipped');
    expect(isFiltered(query({ view: 'attempts', sort: 'total' }))).toBe(false);
    expect(isFiltered(query({ fulfilmentStatus: 'delivered' }))).toBe(true);
    expect(query({ size: '25', sort: 'total', dir: 'asc' })).toMatchObject({ size: 25, sort: 'total', dir: 'asc' });
  });
});

describe.each(testDatabaseTargets)('admin order list on $name', (target) => {
  let handle: DatabaseHandle;
  const base = Date.UTC(2026, 2, 1);

  beforeAll(async () => {
    handle = await target.open();
    // 60 orders, one a day apart; every third is digital and paid, with a charge (placed); the rest are attempts.
    const rows = Array.from({ length: 60 }, (_, index): typeof orders.$inferInsert => ({
      number: `NW-${200001 + index}`,
      status: index % 3 === 0 ? 'paid' : 'pending',
      placedAt: index % 3 === 0 ? new Date(base + index * 86_400_000 + 60_000) : null,
      paymentState: index % 3 === 0 ? 'Captured' : 'none',
      currency: 'USD',
      subtotalAmount: 1000 + (index % 7) * 100,
      shippingAmount: 0,
      taxAmount: 0,
      totalAmount: 1000 + (index % 7) * 100,
      buyerEmail: `buyer${index}@example.com`,
      fulfilment: index % 3 === 0 ? 'digital' : 'physical',
      checkoutSessionId: `cs-${index}`,
      chargePermissionId: `S01-0000000-${String(index).padStart(7, '0')}`,
      createdAt: new Date(base + index * 86_400_000),
    }));
    const inserted = await handle.db.insert(orders).values(rows).returning({ id: orders.id, number: orders.number });
    const seventh = inserted.find((row) => row.number === 'NW-200007');
    await handle.db.insert(payments).values({
      orderId: seventh!.id,
      chargeId: 'S01-0000000-0000007-C000001',
      chargePermissionId: 'S01-0000000-0000007',
      state: 'Captured',
      currency: 'USD',
      authorizedAmount: 1600,
      capturedAmount: 1600,
    });
  });
  afterAll(async () => handle?.close());

  describe('partial search', () => {
    // Placed orders (every third) get names, emails and lines the searches below tell apart.
    const buyers: Record<string, { name: string; email?: string; products: string[] }> = {
      'NW-200007': { name: 'Jane Doe', products: ['Walnut serving board', 'Walnut coaster set'] },
      'NW-200010': { name: 'OLIVIA Smith', products: ['Wool blanket'] },
      'NW-200013': { name: 'Jane Smith', email: 'under_score@example.com', products: ['100% wool scarf'] },
      'NW-200016': { name: 'Joanna Doe-Jones', email: 'underXscore@example.com', products: ['1000 piece puzzle'] },
      'NW-200019': { name: 'Kim Back\\slash', products: ['Tin lantern'] },
      'NW-200022': { name: 'Backslash Lee', products: ['Tin lantern'] },
    };
    const numbers = async (input: Record<string, string>) =>
      (await listAdminOrders(handle.db, query({ size: '100', ...input }))).rows.map((row) => row.number);

    beforeAll(async () => {
      for (const [number, buyer] of Object.entries(buyers)) {
        const [order] = await handle.db
          .update(orders)
          .set({ buyerName: buyer.name, ...(buyer.email ? { buyerEmail: buyer.email } : {}) })
          .where(eq(orders.number, number))
          .returning({ id: orders.id });
        await handle.db.insert(orderLines).values(
          buyer.products.map((productName) => ({
            orderId: order!.id,
            productSlug: productName.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
            productName,
            kind: 'physical' as const,
            unitPriceAmount: 500,
            quantity: 1,
            lineTotalAmount: 500,
          })),
        );
      }
    });

    it('finds part of a name or email in any case', async () => {
      expect(await numbers({ q: 'olivia' })).toEqual(['NW-200010']);
      expect(await numbers({ q: 'LIVI' })).toEqual(['NW-200010']);
      expect(await numbers({ q: 'smith' })).toEqual(['NW-200013', 'NW-200010']);
      // buyer5 and buyer50–59; of those, 51, 54 and 57 are placed orders.
      expect(await numbers({ q: 'yer5' })).toEqual(['NW-200058', 'NW-200055', 'NW-200052']);
      expect(await numbers({ view: 'all', q: 'YER5' })).toHaveLength(11);
    });

    it('matches every word of a multi-word query within one field', async () => {
      expect(await numbers({ q: 'Jane Doe' })).toEqual(['NW-200007']);
      expect(await numbers({ q: '  jane   DOE ' })).toEqual(['NW-200007']);
      expect(await numbers({ q: 'doe jane' })).toEqual(['NW-200007']);
      expect(await numbers({ q: 'jane' })).toEqual(['NW-200013', 'NW-200007']);
      // Both words occur on the order, but not in the same field.
      expect(await numbers({ q: 'jane walnut' })).toEqual([]);
    });

    it('finds a product on any line of the order', async () => {
      // Both lines of NW-200007 match; the order is listed once.
      expect(await numbers({ q: 'walnut' })).toEqual(['NW-200007']);
      expect(await numbers({ q: 'COASTER' })).toEqual(['NW-200007']);
      expect(await numbers({ q: 'board serving' })).toEqual(['NW-200007']);
      expect(await numbers({ q: 'wool' })).toEqual(['NW-200013', 'NW-200010']);
      expect(await numbers({ q: 'lantern' })).toEqual(['NW-200022', 'NW-200019']);
    });

    it('finds part of an order number', async () => {
      expect(await numbers({ q: 'w-20001' })).toEqual(['NW-200019', 'NW-200016', 'NW-200013', 'NW-200010']);
      expect(await numbers({ q: '00022' })).toEqual(['NW-200022']);
      expect((await listAdminOrders(handle.db, query({ q: '2000' }))).totalCount).toBe(20);
    });

    it('takes %, _ and \\ in a query literally', async () => {
      expect(await numbers({ q: '100%' })).toEqual(['NW-200013']);
      expect(await numbers({ q: 'under_score' })).toEqual(['NW-200013']);
      expect(await numbers({ q: 'k\\s' })).toEqual(['NW-200019']);
      expect(await numbers({ q: '%%%' })).toEqual([]);
      expect(await numbers({ q: '___' })).toEqual([]);
      expect(await numbers({ view: 'all', q: '\\\\\\' })).toEqual([]);
    });

    it('counts a search up to SEARCH_COUNT_CAP', async () => {
      await handle.db.execute(sql`
        insert into orders (number, status, payment_state, currency, subtotal_amount, shipping_amount, tax_amount,
          total_amount, buyer_name, created_at)
        select 'NW-' || (400000 + i), 'canceled', 'Canceled', 'USD', 100, 0, 0, 100, 'Many Orders', now()
        from generate_series(1, ${SEARCH_COUNT_CAP + 1}) as i`);
      try {
        const many = await listAdminOrders(handle.db, query({ view: 'attempts', q: 'many order' }));
        expect(many).toMatchObject({ totalCount: SEARCH_COUNT_CAP, totalCapped: true });
        expect(many.rows).toHaveLength(50);
      } finally {
        await handle.db.delete(orders).where(eq(orders.buyerName, 'Many Orders'));
      }
    });

    it('matches words shorter than three characters exactly only', async () => {
      expect(await numbers({ q: 'jo' })).toEqual([]);
      expect(await numbers({ q: 'joa' })).toEqual(['NW-200016']);
      // A short word still narrows a query that has a longer one.
      expect(await numbers({ q: 'jo doe' })).toEqual(['NW-200016']);
    });
  });

  it('pages forward and back over keyset cursors without gaps or repeats', async () => {
    const seen: string[] = [];
    let page = await listAdminOrders(handle.db, everything({ size: '25' }));
    expect(page.totalCount).toBe(60);
    expect(page.prevCursor).toBeNull();
    seen.push(...page.rows.map((row) => row.number));
    while (page.nextCursor) {
      page = await listAdminOrders(handle.db, everything({ size: '25', after: page.nextCursor }));
      seen.push(...page.rows.map((row) => row.number));
    }
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    expect(seen[0]).toBe('NW-200060');
    const back = await listAdminOrders(handle.db, everything({ size: '25', before: page.prevCursor! }));
    expect(back.rows.map((row) => row.number)).toEqual(seen.slice(25, 50));
    expect(back.nextCursor).not.toBeNull();
  });

  it('sorts by total with ties broken stably, and by number numerically', async () => {
    const byTotal = await listAdminOrders(handle.db, everything({ sort: 'total', dir: 'asc', size: '100' }));
    const totals = byTotal.rows.map((row) => row.total.amount);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    const byNumber = await listAdminOrders(handle.db, everything({ sort: 'number', dir: 'asc', size: '25' }));
    expect(byNumber.rows[0]?.number).toBe('NW-200001');
    const second = await listAdminOrders(
      handle.db,
      everything({ sort: 'number', dir: 'asc', size: '25', after: byNumber.nextCursor! }),
    );
    expect(second.rows[0]?.number).toBe('NW-200026');
  });

  it('filters by status, kind of product and an inclusive date range', async () => {
    const paidDigital = await listAdminOrders(handle.db, query({ status: 'paid', fulfilment: 'digital', size: '100' }));
    expect(paidDigital.totalCount).toBe(20);
    const march = await listAdminOrders(handle.db, everything({ from: '2026-03-01', to: '2026-03-10' }));
    expect(march.totalCount).toBe(10);
    expect(march.rows.at(-1)?.number).toBe('NW-200001');
  });

  it('filters by fulfilment status, in the list and the export alike', async () => {
    const shipped = ['NW-200002', 'NW-200005'];
    await handle.db.update(orders).set({ fulfilmentStatus: 'shipped' }).where(inArray(orders.number, shipped));
    await handle.db.update(orders).set({ fulfilmentStatus: 'delivered' }).where(eq(orders.number, 'NW-200008'));
    try {
      const numbersOf = async (input: Record<string, string>) =>
        (await listAdminOrders(handle.db, everything({ size: '100', ...input }))).rows.map((row) => row.number).sort();
      expect(await numbersOf({ fulfilmentStatus: 'shipped' })).toEqual(shipped);
      expect(await numbersOf({ fulfilmentStatus: 'delivered' })).toEqual(['NW-200008']);
      const unfulfilled = await listAdminOrders(handle.db, everything({ fulfilmentStatus: 'unfulfilled', size: '100' }));
      expect(unfulfilled.totalCount).toBe(57);
      expect(unfulfilled.rows.every((row) => row.fulfilmentStatus === 'unfulfilled')).toBe(true);
      // Combined with the other filters: the shipped orders are attempts, none of them placed.
      expect((await listAdminOrders(handle.db, query({ fulfilmentStatus: 'shipped' }))).totalCount).toBe(0);
      const exported: string[] = [];
      for await (const batch of eachOrderBatch(handle.db, everything({ fulfilmentStatus: 'shipped' }), 1))
        exported.push(...batch.map((row) => row.number));
      expect(exported.sort()).toEqual(shipped);
    } finally {
      await handle.db.update(orders).set({ fulfilmentStatus: 'unfulfilled' });
    }
  });

  it('lists placed orders by default, and checkout attempts with their reason under Attempts', async () => {
    const placed = await listAdminOrders(handle.db, query({ size: '100' }));
    expect(placed.totalCount).toBe(20);
    expect(new Set(placed.rows.map((row) => row.status))).toEqual(new Set(['paid']));
    await handle.db
      .update(orders)
      .set({ status: 'declined', paymentState: 'Declined', lastReasonCode: 'HardDeclined' })
      .where(eq(orders.number, 'NW-200002'));
    const attempts = await listAdminOrders(handle.db, query({ view: 'attempts', size: '100' }));
    expect(attempts.totalCount).toBe(40);
    expect(attempts.rows.find((row) => row.number === 'NW-200002')).toMatchObject({
      status: 'declined',
      reasonCode: 'HardDeclined',
    });
    expect((await listAdminOrders(handle.db, query({ view: 'all' }))).totalCount).toBe(60);
    // A search stays within the view it was made in.
    expect((await listAdminOrders(handle.db, query({ q: 'NW-200002' }))).totalCount).toBe(0);
    expect((await listAdminOrders(handle.db, query({ view: 'attempts', q: 'NW-200002' }))).totalCount).toBe(1);
    await handle.db
      .update(orders)
      .set({ status: 'pending', paymentState: 'none', lastReasonCode: null })
      .where(eq(orders.number, 'NW-200002'));
  });

  it('finds an order by number, email, checkout session, charge permission or charge id', async () => {
    for (const q of [
      'NW-200007',
      '200007',
      'nw-200007',
      'BUYER6@example.com',
      'cs-6',
      'S01-0000000-0000006',
      'S01-0000000-0000007-C000001',
    ]) {
      const found = await listAdminOrders(handle.db, query({ q }));
      expect(
        found.rows.map((row) => row.number),
        q,
      ).toEqual(['NW-200007']);
    }
    expect((await listAdminOrders(handle.db, query({ q: 'nobody@example.com' }))).totalCount).toBe(0);
  });

  it('ignores a cursor it cannot read instead of failing', async () => {
    const forged = Buffer.from(JSON.stringify({ v: 'yesterday', id: '00000000-0000-4000-8000-000000000000' })).toString(
      'base64url',
    );
    const byTotal = (await listAdminOrders(handle.db, everything({ sort: 'total' }))).nextCursor!;
    const at = (v: string) =>
      Buffer.from(JSON.stringify({ v, id: '00000000-0000-4000-8000-000000000000' })).toString('base64url');
    const impossible = ['2026-13-45T25:61:61Z', '2026-02-30T00:00:00Z', '0000-01-01T00:00:00Z'].map(at);
    for (const after of ['not-a-cursor', forged, byTotal, ...impossible]) {
      const page = await listAdminOrders(handle.db, everything({ after }));
      expect(page.rows[0]?.number, after).toBe('NW-200060');
    }
  });

  it('keeps rows placed within the same millisecond apart (microsecond cursors)', async () => {
    const sameMs = ['000100', '000400', '000700'].map((micros, index) => ({
      number: `NW-30000${index}`,
      status: 'declined',
      paymentState: 'Declined',
      currency: 'USD',
      subtotalAmount: 100,
      shippingAmount: 0,
      taxAmount: 0,
      totalAmount: 100,
      createdAt: sql`${`2027-01-01T00:00:00.${micros}Z`}::timestamptz`,
    }));
    await handle.db.insert(orders).values(sameMs as unknown as Array<typeof orders.$inferInsert>);
    const seen: string[] = [];
    // One row per batch, so every step goes through a cursor.
    for await (const batch of eachOrderBatch(handle.db, query({ view: 'attempts', status: 'declined' }), 1))
      seen.push(...batch.map((row) => row.number));
    expect(seen).toEqual(['NW-300002', 'NW-300001', 'NW-300000']);
  });

  it('walks every matching order in batches for the export', async () => {
    const sizes: number[] = [];
    for await (const batch of eachOrderBatch(handle.db, query({ view: 'attempts', status: 'pending' }), 15))
      sizes.push(batch.length);
    expect(sizes).toEqual([15, 15, 10]);
  });
});
