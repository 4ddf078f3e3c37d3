import type { Money } from '@/lib/money';

export type ProductKind = 'physical' | 'digital' | 'subscription';

export interface Product {
  id: string;
  slug: string;
  name: string;
  tagline: string;
  description: string;
  kind: ProductKind;
  price: Money;
  imagePath: string;
  /** Units left to sell; null is unlimited. */
  stock: number | null;
}

/** Physical goods and the subscription box travel by post; digital goods do not. */
export function productShips(kind: ProductKind): boolean {
  return kind !== 'digital';
}

export const PRODUCT_KIND_LABELS: Record<ProductKind, string> = {
  physical: 'Ships to you',
  digital: 'Instant download',
  subscription: 'Monthly subscription',
};
