import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The return URLs Amazon Pay is asked to sign come from APP_URL alone: a request that
 * names another host (Host, X-Forwarded-Host or Origin) is refused, never signed.
 */

const { requestHeaders, signed } = vi.hoisted(() => ({ requestHeaders: { current: new Headers() }, signed: [] as unknown[] }));

vi.mock('next/headers', () => ({
  headers: async () => requestHeaders.current,
  cookies: async () => ({ get: (name: string) => (name === 'shopper' ? { value: 'S'.repeat(43) } : undefined) }),
}));
vi.mock('@/lib/amazon-pay/server', () => ({
  getAmazonPay: () => ({
    generateButtonConfig: async (payload: object) => {
      signed.push(payload);
      return { payloadJSON: JSON.stringify(payload), signature: 'signature', publicKeyId: 'key' };
    },
  }),
}));
vi.mock('@/lib/cart', () => ({
  createBuyNowCart: async () => 'buy-now-cart',
  getCheckoutCart: async () => ({
    id: 'cart',
    currency: 'USD',
    lines: [{ product: { kind: 'physical' }, lineTotal: { amount: 1000, currency: 'USD' } }],
  }),
}));

vi.stubEnv('APP_URL', 'https://shop.example');
vi.stubEnv('TRUSTED_PROXY_HOPS', '');
const { signCheckoutButton, signSignInButton } = await import('./button-signing');
const { ForeignHostError } = await import('@/lib/request-origin');

describe('signing return URLs', () => {
  beforeEach(() => {
    signed.length = 0;
  });

  it('signs APP_URL’s return URLs for a request addressed to APP_URL', async () => {
    requestHeaders.current = new Headers({ host: 'shop.example', origin: 'https://shop.example' });
    await signSignInButton();
    await signCheckoutButton({ placement: 'Cart' });
    expect(signed).toMatchObject([
      { signInReturnUrl: 'https://shop.example/account/signin' },
      {
        webCheckoutDetails: {
          checkoutReviewReturnUrl: expect.stringMatching(/^https:\/\/shop\.example\/checkout\/review\?owner=[\w-]{32}$/),
        },
      },
    ]);
  });

  it.each([
    ['a forged Host', { host: 'evil.test' }],
    ['a forged X-Forwarded-Host without a trusted proxy', { host: 'evil.test', 'x-forwarded-host': 'evil.test' }],
    ['a page on another origin', { host: 'evil.test', origin: 'https://evil.test' }],
  ])('refuses %s and signs nothing', async (_case, values) => {
    requestHeaders.current = new Headers(values);
    // The sign-in button is signed while the page renders, and answers in words.
    expect(await signSignInButton()).toEqual({ ok: false, message: new ForeignHostError('https://shop.example').message });
    await expect(signCheckoutButton({ placement: 'Cart' })).rejects.toThrow(/served at https:\/\/shop\.example/);
    expect(signed).toEqual([]);
  });

  it('never reads X-Forwarded-Host when no proxy is trusted, even when Host is right', async () => {
    requestHeaders.current = new Headers({ host: 'shop.example', 'x-forwarded-host': 'evil.test' });
    await signSignInButton();
    expect(signed).toEqual([expect.objectContaining({ signInReturnUrl: 'https://shop.example/account/signin' })]);
  });
});
