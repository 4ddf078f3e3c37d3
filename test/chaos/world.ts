import { sql } from 'drizzle-orm';
import { seedCatalog } from '@/lib/catalog/seed';
import type { DatabaseHandle } from '@/lib/db/connection';
import { adminOperations, carts, notificationsReceived, orders, paymentEvents, resyncRuns } from '@/lib/db/schema';
import type { TestDatabaseTarget } from '@/test/databases';
import { createHarness, type Harness } from '@/test/sandbox-harness';

/** Test-only: a database with the demo catalog and an emulator, for chaos runs and scenarios. */
export interface ChaosWorld {
  handle: DatabaseHandle;
  h: Harness;
}

export async function openWorld(target: TestDatabaseTarget): Promise<ChaosWorld> {
  const handle = await target.open();
  await seedCatalog(handle.db, 'USD');
  return { handle, h: await createHarness() };
}

/**
 * Back to an empty shop and an Amazon that never saw it, keeping the catalog and the
 * registered key: the invariants look at everything, so each scenario starts clean.
 * TRUNCATE, because the append-only trigger on payment_events refuses DELETE.
 */
export async function resetWorld(world: ChaosWorld): Promise<void> {
  world.h.sandbox.reset();
  await world.handle.db.execute(
    sql`truncate table ${orders}, ${carts}, ${paymentEvents}, ${adminOperations}, ${notificationsReceived}, ${resyncRuns} cascade`,
  );
}
