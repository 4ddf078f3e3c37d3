import { eq } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '@/lib/db/connection';
import { seedCatalog } from '@/lib/catalog/seed';
import type { TestDatabaseTarget } from '@/test/databases';
import { orders } from '@/lib/db/schema';
import { placeTestOrder, type PlacedTestOrder } from '@/test/payment-operations';
import { createHarness, type Harness } from '@/test/sandbox-harness';

/** Test-only: the coffee subscription placed through the sandbox at a chosen moment, shipped in the US. */
export async function placeTestSubscription(
  db: Database,
  h: Harness,
  placedAt: Date,
  owner: { browserTokenHash?: string; buyerId?: string } = {},
): Promise<PlacedTestOrder> {
  const placed = await placeTestOrder(db, h, [
    { slug: 'monthly-coffee-club', kind: 'subscription', unitPrice: 2400, quantity: 1 },
  ]);
  await db
    .update(orders)
    .set({ placedAt, shippingMethod: 'standard', shippingAddress: { name: 'Jane Doe', countryCode: 'US' }, ...owner })
    .where(eq(orders.id, placed.orderId));
  return placed;
}

/** Test-only: a fresh database with the catalog, a sandbox, and the coffee subscription placed at `placedAt`. */
export async function openSubscriptionStore(
  target: TestDatabaseTarget,
  placedAt: Date,
  owner: { browserTokenHash?: string; buyerId?: string } = {},
): Promise<{ handle: DatabaseHandle; h: Harness; placed: PlacedTestOrder }> {
  const handle = await target.open();
  await seedCatalog(handle.db, 'USD');
  const h = await createHarness();
  return { handle, h, placed: await placeTestSubscription(handle.db, h, placedAt, owner) };
}
