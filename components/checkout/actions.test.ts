import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/connection';
import { testDatabaseTargets } from '@/test/databases';

/**
 * Signing the checkout button and placing an order are limited per cart and client, so a
 * script cannot mint Amazon Pay checkouts without end. The signing itself is a stub here:
 * what is proved is that the actions count and refuse.
 */

const { state } = vi.hoisted(() => ({
  state: { db: undefined as unknown, headers: new Headers(), cartId: undefined as string | undefined },
}));

vi.mock('@/lib/db', () => ({ getDb: async () => state.db }));
vi.mock('next/headers', () => ({
  headers: async () => state.headers,
  cookies: async () => ({ get: (name: string) => (name === 'cart_id' && state.cartId ? { value: state.cartId } : undefined) }),
}));
vi.mock('@/lib/checkout/button-signing', () => ({
  signCheckoutButton: async () => ({ payloadJSON: '{}', signature: 'signature', publicKeyId: 'key' }),
  signSignInButton: async () => ({ payloadJSON: '{}', signature: 'signature', publicKeyId: 'key' }),
}));
vi.mock('@/lib/checkout/shopper-checkout', () => ({ placeShopperOrder: async () => ({ redirectUrl: 'https://pay.test/' }) }));

vi.stubEnv('TRUSTED_PROXY_HOPS', '1');
const { signCheckoutButtonAction } = await import('./actions');
const { CHECKOUT_RULES } = await import('@/lib/checkout/checkout-limits');

const cartId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe.each(testDatabaseTargets)('checkout limits on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
    state.db = handle.db;
  });
  afterAll(async () => handle?.close());
  beforeEach(() => {
    state.headers = new Headers({ 'x-forwarded-for': '203.0.113.50' });
  });

  async function signTimes(times: number) {
    const results = [];
    for (let attempt = 0; attempt < times; attempt += 1) results.push(await signCheckoutButtonAction({ placement: 'Cart' }));
    return results;
  }

  it('refuses a cart that signs more buttons than the limit, and no other cart', async () => {
    state.cartId = cartId(1);
    const results = await signTimes(CHECKOUT_RULES.perCart.limit + 1);
    expect(results.slice(0, -1).every((result) => result.ok)).toBe(true);
    expect(results.at(-1)).toEqual({
      ok: false,
      message: 'Too many checkout attempts from this browser. Please wait a few minutes and try again.',
    });
    state.cartId = cartId(2);
    expect(await signCheckoutButtonAction({ placement: 'Cart' })).toMatchObject({ ok: true });
  });

  it('refuses a client address that signs with ever new carts, whatever it claims in X-Forwarded-For', async () => {
    let refused = 0;
    for (let attempt = 0; attempt <= CHECKOUT_RULES.perIp.limit; attempt += 1) {
      state.cartId = cartId(1000 + attempt);
      state.headers = new Headers({ 'x-forwarded-for': `10.9.${attempt % 250}.1, 198.51.100.60` });
      if (!(await signCheckoutButtonAction({ placement: 'Cart' })).ok) refused += 1;
    }
    expect(refused).toBe(1);
  });
});
