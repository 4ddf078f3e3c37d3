import { eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { orders } from '@/lib/db/schema';
import { placeTestOrder, type PlacedTestOrder } from '@/test/payment-operations';
import type { Harness } from '@/test/sandbox-harness';

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
