import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import OrderNotFound from './not-found';

describe('the order page for a missing order', () => {
  it('says the order was not found, not that a product sold out', () => {
    const html = renderToStaticMarkup(<OrderNotFound />);
    expect(html).toContain('<h1 class="font-serif text-3xl text-ink">Order not found</h1>');
    expect(html).not.toMatch(/product|sold out/i);
  });
});
