import { describe, expect, it } from 'vitest';
import { assertInStock, purchasableQuantity, stockNotice } from './stock';

describe('stock wording', () => {
  it('says how many are left only when few are, and when none are', () => {
    expect(stockNotice(null)).toBeNull();
    expect(stockNotice(6)).toBeNull();
    expect(stockNotice(5)).toBe('Only 5 left');
    expect(stockNotice(3)).toBe('Only 3 left');
    expect(stockNotice(0)).toBe('Out of stock');
  });

  it('offers the per-order limit, or fewer when fewer are left', () => {
    expect(purchasableQuantity(10, null)).toBe(10);
    expect(purchasableQuantity(10, 3)).toBe(3);
    expect(purchasableQuantity(1, 40)).toBe(1);
    expect(purchasableQuantity(10, 0)).toBe(0);
  });

  it('refuses a cart quantity above the stock, never one of an unlimited product', () => {
    expect(() => assertInStock({ name: 'Mug', stock: 2 }, 3)).toThrow('Only 2 left of Mug.');
    expect(() => assertInStock({ name: 'Mug', stock: 0 }, 1)).toThrow('Mug is out of stock.');
    expect(() => assertInStock({ name: 'Mug', stock: 2 }, 2)).not.toThrow();
    expect(() => assertInStock({ name: 'E-book', stock: null }, 99)).not.toThrow();
  });
});
