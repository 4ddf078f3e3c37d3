import { describe, expect, it, vi } from 'vitest';

/** The cart id is the cart's whole authorization: it stays in the cookie, never in what the page sends the browser. */

const CART_ID = '6f1c2d3e-4b5a-4c6d-8e7f-001122334455';

vi.mock('@/lib/cart', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/cart')>();
  const { emptyCart } = await import('@/lib/cart/cart');
  const { money } = await import('@/lib/money');
  const product = { id: 'p-1', slug: 'linen-apron', name: 'Linen apron', kind: 'physical', price: money(3200, 'USD') };
  return {
    ...original,
    getCurrentCart: async () => ({
      ...emptyCart(CART_ID, 'USD'),
      lines: [{ id: 'line-1', product, quantity: 1, maxQuantity: 10, lineTotal: money(3200, 'USD') }],
      itemCount: 1,
      subtotal: money(3200, 'USD'),
    }),
  };
});

const { default: CartPage } = await import('./page');

describe('the cart page', () => {
  it('sends the browser the cart’s lines and totals, never its id', async () => {
    const page = await CartPage({ searchParams: Promise.resolve({}) });
    const payload = JSON.stringify(page);
    expect(payload).toContain('Linen apron');
    expect(payload).not.toContain(CART_ID);
  });
});
