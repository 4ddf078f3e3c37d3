import { NextRequest } from 'next/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SPECULATIVE_REQUEST_HEADERS } from '@/test/speculative-requests';

// Counts what the route asks of the checkout: a speculative request must ask nothing.
const completions = vi.hoisted(() => ({ calls: [] as string[] }));
vi.mock('@/lib/checkout/shopper-checkout', () => ({
  completeShopperCheckout: async (checkoutSessionId: string) => {
    completions.calls.push(checkoutSessionId);
    return { kind: 'placed', orderNumber: 'NW-100001', status: 'authorized' };
  },
}));
vi.mock('@/lib/checkout/apb-shopper', async () => {
  const { AddressCheckoutMismatchError } = await import('@/lib/checkout/apb-return');
  return {
    completeShopperAddressCheckout: async (orderNumber: string, checkoutSessionId: string) => {
      completions.calls.push(`${orderNumber} ${checkoutSessionId}`);
      if (orderNumber === 'NW-100002') throw new AddressCheckoutMismatchError();
      return { kind: 'placed', orderNumber, status: 'authorized' };
    },
  };
});
vi.mock('@/lib/request-origin', () => ({ appOrigin: async () => 'http://127.0.0.1:3999' }));

const { GET } = await import('./route');

const SESSION = 'e2a9f5e4-4e3b-4a5e-9d34-2f1f3c9c0b11';
const get = (headers: Record<string, string> = {}) =>
  GET(new NextRequest(`http://localhost:3999/checkout/result?amazonCheckoutSessionId=${SESSION}`, { headers }));

describe('GET /checkout/result', () => {
  beforeEach(() => {
    completions.calls = [];
  });

  it.each(SPECULATIVE_REQUEST_HEADERS)('completes nothing for %s', async (_name, headers) => {
    const response = await get(headers);
    expect(response.status).toBe(204);
    expect(response.headers.get('location')).toBeNull();
    expect(completions.calls).toEqual([]);
  });

  it("completes for the shopper's own navigation and redirects on the shop's configured origin", async () => {
    const response = await get({ accept: 'text/html' });
    expect(completions.calls).toEqual([SESSION]);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('http://127.0.0.1:3999/orders/NW-100001');
  });

  it('ties an address checkout to the order its button was signed for, and refuses one it no longer matches', async () => {
    const address = (order: string) =>
      GET(
        new NextRequest(`http://localhost:3999/checkout/result?order=${order}&owner=tag&amazonCheckoutSessionId=${SESSION}`, {
          headers: { accept: 'text/html' },
        }),
      );
    expect((await address('NW-100001')).headers.get('location')).toBe('http://127.0.0.1:3999/orders/NW-100001');
    expect((await address('NW-100002')).headers.get('location')).toBe('http://127.0.0.1:3999/cart?payment=CheckoutChanged');
    expect((await address('not-an-order')).headers.get('location')).toBe('http://127.0.0.1:3999/cart?payment=InvalidLink');
    expect(completions.calls).toEqual([`NW-100001 ${SESSION}`, `NW-100002 ${SESSION}`]);
  });
});
