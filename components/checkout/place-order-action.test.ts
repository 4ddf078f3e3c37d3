import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Place order never mints the shopper cookie: the proxy hands it out with the first page.
 * Two first submissions from one browser therefore carry one token, and a browser that
 * somehow lacks it is asked to reload instead of getting an order bound to a token it may
 * not keep.
 */

const { jar, setCookie, placeOrder } = vi.hoisted(() => ({
  jar: new Map<string, string>(),
  setCookie: vi.fn(),
  placeOrder: vi.fn(async () => ({ redirectUrl: 'https://pay.example/redirect' })),
}));

vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: setCookie,
  }),
  headers: async () => new Headers({ host: 'localhost' }),
}));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Error(`redirect:${url}`);
  },
}));
vi.mock('@/lib/config', () => ({
  getConfig: () => ({
    store: { shipToCountries: ['US'], name: 'Test store', appUrl: 'http://localhost' },
    network: { trustedProxyHops: 0 },
  }),
}));
// Counting attempts is proved in actions.test.ts; here it always admits.
vi.mock('@/lib/checkout/checkout-limits', () => ({ limitCheckoutAttempts: async () => undefined }));
vi.mock('@/lib/db', () => ({ getDb: async () => ({}) }));
vi.mock('@/lib/amazon-pay/server', () => ({ getAmazonPay: () => ({}) }));
vi.mock('@/lib/cart', () => ({ getCheckoutCart: async () => ({ id: 'cart', lines: [], currency: 'USD' }) }));
vi.mock('@/lib/checkout/place-order', () => ({ placeOrder }));

const { placeOrderAction } = await import('./actions');

const input = { checkoutSessionId: 'session-12345', confirmedSnapshot: `5357.${'s'.repeat(43)}` };

beforeEach(() => {
  jar.clear();
  setCookie.mockClear();
  placeOrder.mockClear();
});

describe('placeOrderAction and the shopper cookie', () => {
  it('refuses two racing first submissions without the cookie, minting nothing and placing nothing', async () => {
    const results = await Promise.all([placeOrderAction(input), placeOrderAction(input)]);
    for (const result of results) expect(result).toEqual({ ok: false, message: expect.stringMatching(/reload the page/) });
    expect(placeOrder).not.toHaveBeenCalled();
    expect(setCookie).not.toHaveBeenCalled();
  });

  it('refuses a malformed cookie the same way', async () => {
    jar.set('shopper', 'tampered');
    expect(await placeOrderAction(input)).toMatchObject({ ok: false, message: expect.stringMatching(/reload the page/) });
    expect(placeOrder).not.toHaveBeenCalled();
    expect(setCookie).not.toHaveBeenCalled();
  });

  it('binds two concurrent submissions to the one token the browser holds', async () => {
    const token = 'T'.repeat(43);
    jar.set('shopper', token);
    const outcomes = await Promise.allSettled([placeOrderAction(input), placeOrderAction(input)]);
    expect(outcomes.map((outcome) => outcome.status === 'rejected' && String(outcome.reason))).toEqual([
      'Error: redirect:https://pay.example/redirect',
      'Error: redirect:https://pay.example/redirect',
    ]);
    const hashes = placeOrder.mock.calls.map((call) => (call as unknown[])[2] as { shopperTokenHash: string });
    const expected = createHash('sha256').update(token).digest('hex');
    expect(hashes.map((call) => call.shopperTokenHash)).toEqual([expected, expected]);
    expect(setCookie).not.toHaveBeenCalled();
  });
});
