import type { ProductKind } from '@/lib/catalog/types';

export const MAX_QUANTITY_PER_LINE = 10;
export const MAX_LINES_PER_CART = 25;

/** A subscription is one box a month; a second in the same cart would be a second subscription. */
export function maxQuantityFor(kind: ProductKind): number {
  return kind === 'subscription' ? 1 : MAX_QUANTITY_PER_LINE;
}
