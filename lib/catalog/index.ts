import 'server-only';
import { unstable_cache } from 'next/cache';
import { getDb } from '@/lib/db';
import { findActiveProductBySlug, listActiveProducts } from './queries';
import { stockLevel } from './stock';
import type { Product } from './types';

export type { Product, ProductKind } from './types';
export { PRODUCT_KIND_LABELS, productShips } from './types';

/** Catalog reads are shared by every shopper; a merchant edit revalidates this tag. */
export const CATALOG_CACHE_TAG = 'catalog';

export const getCatalog = unstable_cache(async (): Promise<Product[]> => listActiveProducts(await getDb()), ['catalog:list'], {
  tags: [CATALOG_CACHE_TAG],
  revalidate: 3600,
});

export const getProduct = unstable_cache(
  async (slug: string): Promise<Product | null> => (await findActiveProductBySlug(await getDb(), slug)) ?? null,
  ['catalog:product'],
  { tags: [CATALOG_CACHE_TAG], revalidate: 3600 },
);

/** Not cached: every order moves it, and the product page must not offer what is gone. */
export async function getStockLevel(productId: string): Promise<number | null> {
  return stockLevel(await getDb(), productId);
}
