import type { LedgerCurrency } from '@/lib/amazon-pay/regions';
import type { Database } from '@/lib/db/connection';
import { products } from '@/lib/db/schema';
import { SEED_PRODUCTS } from './seed-data';

/** Inserts the demo catalog; existing slugs are left as the merchant edited them. */
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
        position,
      })),
    )
    .onConflictDoNothing({ target: products.slug });
}
