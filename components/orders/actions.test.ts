import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedCatalog } from '@/lib/catalog/seed';
import { openDatabase, type DatabaseHandle } from '@/lib/db/connection';
import { cartLines, carts, orderLines, orders, products, rateLimitBuckets } from '@/lib/db/schema';

const { state } = vi.hoisted(() => ({
  state: {
    db: null as DatabaseHandle['db'] | null,
    cookies: new Map<string, string>(),
    amazonCalls: 0,
    refreshed: 0,
  },
}));
vi.mock('@/lib/db', () => ({ getDb: async () => state.db }));
vi.mock('@/lib/auth', () => ({ getSession: async () => null }));
// A stand-in client, counted: the orders below hold nothing to re-read at Amazon.
vi.mock('@/lib/amazon-pay/server', () => ({
  getAmazonPay: () => {
    state.amazonCalls += 1;
    return {};
  },
}));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (state.cookies.has(name) ? { value: state.cookies.get(name) } : undefined),
    set: (name: string, value: string) => state.cookies.set(name, value),
  }),
  headers: async () => new Headers(),
}));
vi.mock('next/cache', () => ({ refresh: () => (state.refreshed += 1) }));
class Redirected extends Error {}
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
}));

const { checkOrderAgainAction, payAgainAction } = await import('./actions');

const TOKEN = 'S'.repeat(43);
const STRANGER = 'T'.repeat(43);
const NOT_FOUND = { ok: false, message: 'We could not find that order.' };

describe('the order page actions', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await openDatabase('memory:');
    state.db = handle.db;
    await seedCatalog(handle.db, 'USD');
    const [mug] = await handle.db.select().from(products).where(eq(products.slug, 'enamel-camp-mug'));
    const [order] = await handle.db
      .insert(orders)
      .values({
        number: 'NW-600001',
        status: 'declined',
        paymentState: 'Declined',
        lastReasonCode: 'HardDeclined',
        currency: 'USD',
        subtotalAmount: 2 * mug!.priceAmount,
        shippingAmount: 0,
        taxAmount: 0,
        totalAmount: 2 * mug!.priceAmount,
        browserTokenHash: createHash('sha256').update(TOKEN).digest('hex'),
      })
      .returning();
    await handle.db.insert(orderLines).values({
      orderId: order!.id,
      productId: mug!.id,
      productSlug: mug!.slug,
      productName: mug!.name,
      kind: mug!.kind,
      unitPriceAmount: mug!.priceAmount,
      quantity: 2,
      lineTotalAmount: 2 * mug!.priceAmount,
    });
  });
  afterAll(async () => handle?.close());
  beforeEach(() => {
    state.cookies = new Map([['shopper', TOKEN]]);
    state.amazonCalls = 0;
    state.refreshed = 0;
  });

  const outcome = async (call: Promise<unknown>) =>
    call.then(
      (value) => ({ value }),
      (error: unknown) => ({ redirect: error instanceof Redirected ? error.message : String(error) }),
    );

  it('refuse a malformed number and anyone but the browser that placed the order, changing nothing', async () => {
    for (const [cookie, number] of [
      [STRANGER, 'NW-600001'],
      [undefined, 'NW-600001'],
      [TOKEN, 'NW-699999'],
    ] as const) {
      state.cookies = new Map(cookie ? [['shopper', cookie]] : []);
      expect(await checkOrderAgainAction({ number })).toEqual(NOT_FOUND);
      expect(await payAgainAction({ number })).toEqual(NOT_FOUND);
    }
    expect(await payAgainAction({ number: 'NW-6; drop table orders' })).toMatchObject({ ok: false });
    expect(state.amazonCalls).toBe(0);
    expect(await handle.db.select().from(carts)).toEqual([]);
    expect(await handle.db.select().from(rateLimitBuckets)).toEqual([]);
  });

  it('check again finishes the order, counted against its rate limit, and re-renders the page', async () => {
    expect(await checkOrderAgainAction({ number: 'NW-600001' })).toEqual({ ok: true });
    expect(state.refreshed).toBe(1);
    const [bucket] = await handle.db.select().from(rateLimitBuckets);
    expect(bucket).toMatchObject({ key: expect.stringMatching(/^order-check:/), hits: 1 });
  });

  it('pay again puts the lines into this browser’s cart and opens it with the reason', async () => {
    expect(await outcome(payAgainAction({ number: 'NW-600001' }))).toEqual({ redirect: '/cart?payment=HardDeclined' });
    const cartId = state.cookies.get('cart_id');
    expect(cartId).toBeTruthy();
    const lines = await handle.db.select().from(cartLines).where(eq(cartLines.cartId, cartId!));
    expect(lines.map((line) => line.quantity)).toEqual([2]);
  });
});
