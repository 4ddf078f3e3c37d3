import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { products } from '@/lib/db/schema';
import { money } from '@/lib/money';
import type { Product } from './types';

type ProductRow = typeof products.$inferSelect;

export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    tagline: row.tagline,
    description: row.description,
    kind: row.kind,
    price: money(row.priceAmount, row.currency),
    imagePath: row.imagePath,
    stock: row.stock,
  };
}

export async function listActiveProducts(db: Database): Promise<Product[]> {
  const rows = await db.select().from(products).where(eq(products.active, true)).orderBy(asc(products.position));
  return rows.map(toProduct);
}

export async function findActiveProductBySlug(db: Database, slug: string): Promise<Product | undefined> {
  const [row] = await db
    .select()
    .from(products)
    .where(and(eq(products.slug, slug), eq(products.active, true)))
    .limit(1);
  return row ? toProduct(row) : undefined;
}

export async function findProductsByIds(db: Database, ids: readonly string[]): Promise<Product[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(products)
    .where(inArray(products.id, [...ids]));
  return rows.map(toProduct);
}
