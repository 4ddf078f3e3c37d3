import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/lib/db/connection';
import { orders, paymentEvents, rateLimitBuckets } from '@/lib/db/schema';

const { state } = vi.hoisted(() => ({
  state: { db: null as DatabaseHandle['db'] | null, shopperCookie: undefined as string | undefined, amazonCalls: 0 },
}));
vi.mock('@/lib/db', () => ({ getDb: async () => state.db }));
vi.mock('@/lib/auth', () => ({ getSession: async () => null }));
vi.mock('@/lib/amazon-pay/server', () => ({
  getAmazonPay: () => {
    state.amazonCalls += 1;
    throw new Error('the status route must not call Amazon');
  },
}));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (name === 'shopper' && state.shopperCookie ? { value: state.shopperCookie } : undefined),
  }),
}));

const { GET } = await import('./route');

const TOKEN = 'A'.repeat(43);
const OTHER_TOKEN = 'B'.repeat(43);
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

const read = (number: string) =>
  GET(new Request(`http://localhost/api/orders/${number}/status`), { params: Promise.resolve({ number }) });

describe('the order status route the order page polls', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await openDatabase('memory:');
    state.db = handle.db;
    await handle.db.insert(orders).values({
      number: 'NW-500001',
      status: 'payment_processing',
      paymentState: 'AuthorizationInitiated',
      chargePermissionId: 'S01-5000001',
      completionRequestedAt: new Date(),
      currency: 'USD',
      subtotalAmount: 1000,
      shippingAmount: 0,
      taxAmount: 0,
      totalAmount: 1000,
      browserTokenHash: sha256(TOKEN),
    });
  });
  afterAll(async () => handle?.close());
  beforeEach(() => {
    state.shopperCookie = TOKEN;
  });

  it('answers the browser that placed the order with its status, read-only', async () => {
    const before = await handle.db.select().from(orders);
    const response = await read('NW-500001');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'payment_processing', final: false });
    expect(state.amazonCalls).toBe(0);
    expect(await handle.db.select().from(orders)).toEqual(before);
    expect(await handle.db.select().from(paymentEvents)).toEqual([]);
    expect(await handle.db.select().from(rateLimitBuckets)).toEqual([]);
  });

  it('says final once the order leaves the confirming state', async () => {
    await handle.db.update(orders).set({ status: 'declined', lastReasonCode: 'HardDeclined' });
    expect(await (await read('NW-500001')).json()).toEqual({ status: 'declined', final: true });
  });

  it('treats another browser, no cookie, an unknown order and a malformed number alike: not found', async () => {
    for (const [cookie, number] of [
      [OTHER_TOKEN, 'NW-500001'],
      [undefined, 'NW-500001'],
      [TOKEN, 'NW-599999'],
      [TOKEN, "NW-1' or 1=1"],
    ] as const) {
      state.shopperCookie = cookie;
      const response = await read(number);
      expect(response.status, `${cookie ?? 'no cookie'} ${number}`).toBe(404);
      expect(await response.json()).toEqual({ error: 'not found' });
    }
  });
});
