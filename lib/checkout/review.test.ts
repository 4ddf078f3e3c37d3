import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkoutOwnerTag } from './shopper-token';

/** The review page shows a checkout only to the browser that started it, and nothing of it to anyone else. */

const { cookieJar } = vi.hoisted(() => ({ cookieJar: new Map<string, string>() }));
const SHOPPER_TOKEN = 'A'.repeat(43);

vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (cookieJar.has(name) ? { value: cookieJar.get(name) } : undefined) }),
}));
vi.mock('@/lib/cart', () => ({
  getCheckoutCart: async () => ({ id: 'cart', currency: 'USD', lines: [] }),
}));
vi.mock('@/lib/amazon-pay/server', async () => {
  const { createHash } = await import('node:crypto');
  const ownerHash = createHash('sha256').update('A'.repeat(43)).digest('hex');
  return {
    checkoutScriptUrl: () => 'https://static.example/checkout.js',
    getAmazonPay: () => ({
      getCheckoutSession: async (checkoutSessionId: string) => ({
        checkoutSessionId,
        statusDetails: { state: 'Open' },
        buyer: { buyerId: 'buyer-1', name: 'Jane Buyer', email: 'jane@example.com' },
        webCheckoutDetails: {
          checkoutReviewReturnUrl: `https://shop.example/checkout/review?owner=${checkoutOwnerTag(ownerHash)}`,
        },
      }),
    }),
  };
});

const { loadCheckoutReview } = await import('./review');

describe('loadCheckoutReview', () => {
  beforeEach(() => cookieJar.clear());

  it('shows the session to the browser that started it', async () => {
    cookieJar.set('shopper', SHOPPER_TOKEN);
    expect(await loadCheckoutReview('session-1', 'standard')).toMatchObject({
      kind: 'open',
      review: { buyer: { name: 'Jane Buyer' } },
    });
  });

  it.each([
    ['another browser', 'B'.repeat(43)],
    ['a browser with no shopper cookie', undefined],
  ])('tells %s it was started elsewhere and shows none of it', async (_case, token) => {
    if (token) cookieJar.set('shopper', token);
    const view = await loadCheckoutReview('session-1', 'standard');
    expect(view).toEqual({
      kind: 'unavailable',
      message: 'This checkout was started in another browser. Please start again from your cart.',
    });
    expect(JSON.stringify(view)).not.toMatch(/Jane|jane@example/);
  });
});
