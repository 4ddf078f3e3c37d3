import { and, isNotNull, isNull, sql } from 'drizzle-orm';
import type { LedgerCurrency } from '@/lib/amazon-pay/regions';
import type { Database } from '@/lib/db/connection';
import { products } from '@/lib/db/schema';
import { SEED_PRODUCTS } from './seed-data';

/**
 * Inserts the demo catalog; existing slugs are left as the merchant edited them, except that a
 * demo product seeded before it had a file gets its file (a file set since is never replaced). Stock is seeded only with a new product, so a level the merchant set stays.
 */
export async function seedCatalog(db: Database, currency: LedgerCurrency): Promise<void> {
  await db
    .insert(products)
    .values(
      SEED_PRODUCTS.map((product, position) => ({
        slug: product.slug,
        name: product.name,
        tagline: product.tagline,
        description: product.description,
        kind: product.kind,
        priceAmount: product.prices[currency],
        currency,
        imagePath: `/products/${product.slug}.svg`,
        downloadFile: product.downloadFile ?? null,
        stock: product.stock ?? null,
        position,
      })),
    )
    .onConflictDoUpdate({
      target: products.slug,
      set: { downloadFile: sql`excluded.download_file` },
      setWhere: and(isNull(products.downloadFile), isNotNull(sql`excluded.download_file`)),
    });
}
