import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { AddToCartForm } from './add-to-cart-form';

vi.mock('@/components/cart/actions', () => ({ addToCartAction: vi.fn() }));

describe('the add-to-cart form', () => {
  it('disables the button and says so when none are left', () => {
    const html = renderToStaticMarkup(
      <AddToCartForm slug="enamel-camp-mug" maxQuantity={0} quantity={1} onQuantityChange={() => {}} />,
    );
    expect(html).toMatch(/<button type="submit"[^>]*disabled=""[^>]*>Out of stock<\/button>/);
    expect(html).not.toContain('<select');
  });

  it('offers no more than are left', () => {
    const html = renderToStaticMarkup(
      <AddToCartForm slug="enamel-camp-mug" maxQuantity={3} quantity={1} onQuantityChange={() => {}} />,
    );
    expect(html).toMatch(/<button type="submit"[^>]*>Add to cart<\/button>/);
    expect(html).not.toMatch(/<button[^>]*disabled/);
    expect(html.match(/<option/g)).toHaveLength(3);
  });
});
