import { afterAll, beforeAll } from 'vitest';
import { seedCatalog } from '@/lib/catalog/seed';
import type { Database, DatabaseHandle } from '@/lib/db/connection';
import type { TestDatabaseTarget } from './databases';
import { createHarness, type Harness, type HarnessOptions } from './sandbox-harness';

/** Test-only: the store's database (catalog seeded in USD) and the in-process emulator. */
export interface StoreOnSandbox {
  readonly handle: DatabaseHandle;
  readonly db: Database;
  readonly h: Harness;
}

/**
 * Opens both once for the enclosing describe block and closes the database after it.
 * One emulator for the block, so orders one test leaves unsettled stay readable in the next.
 */
export function storeOnSandbox(target: TestDatabaseTarget, options: HarnessOptions = {}): StoreOnSandbox {
  let handle: DatabaseHandle | undefined;
  let harness: Harness | undefined;
  beforeAll(async () => {
    handle = await target.open();
    await seedCatalog(handle.db, 'USD');
    harness = await createHarness(options);
  });
  afterAll(async () => handle?.close());
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('storeOnSandbox is used before its beforeAll ran');
    return value;
  };
  return {
    get handle() {
      return opened(handle);
    },
    get db() {
      return opened(handle).db;
    },
    get h() {
      return opened(harness);
    },
  };
}
