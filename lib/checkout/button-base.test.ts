import { describe, expect, it } from 'vitest';
import type { Cart, CartLine } from '@/lib/cart/cart';
import type { Product, ProductKind } from '@/lib/catalog/types';
import { money } from '@/lib/money';
import { cartButtonBase, productButtonBase } from './button-base';

function product(kind: ProductKind): Product {
  return {
    id: kind,
    slug: kind,
    name: kind,
    tagline: '',
    description: '',
    kind,
    price: money(1500, 'USD'),
    imagePath: '',
    stock: null,
  };
}

function cartOf(...kinds: ProductKind[]): Cart {
  const lines = kinds.map((kind): CartLine => ({
    id: kind,
    product: product(kind),
    quantity: 1,
    maxQuantity: 5,
    lineTotal: money(1500, 'USD'),
  }));
  return {
    id: 'cart',
    currency: 'USD',
    lines,
    itemCount: lines.length,
    subtotal: money(1500 * lines.length, 'USD'),
    estimatedShipping: money(500, 'USD'),
    ships: true,
  };
}

/**
 * A payload with recurringMetadata is rendered without estimatedOrderAmount, as Amazon's Magento
 * plugin does (https://github.com/amzn/amazon-payments-magento-2-plugin, view/frontend/web/js/amazon-button.js).
 */
describe('button options', () => {
  it('estimate one-time carts and products at their amount', () => {
    expect(cartButtonBase(cartOf('physical', 'digital')).estimatedOrderAmount).toEqual({ amount: '35.00', currencyCode: 'USD' });
    expect(productButtonBase(product('digital')).estimatedOrderAmount).toEqual({ amount: '15.00', currencyCode: 'USD' });
  });

  it('leave estimatedOrderAmount out when the payload carries recurringMetadata (a subscription)', () => {
    expect(cartButtonBase(cartOf('subscription', 'physical'))).not.toHaveProperty('estimatedOrderAmount');
    expect(productButtonBase(product('subscription'))).not.toHaveProperty('estimatedOrderAmount');
  });
});
