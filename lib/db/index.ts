import 'server-only';
import { getConfig } from '@/lib/config';
import { seedCatalog } from '@/lib/catalog/seed';
import { seedStorage } from '@/lib/downloads/storage';
import { openDatabase, type Database, type DatabaseHandle } from './connection';

export type { Database } from './connection';
export * as tables from './schema';

// Next.js dev reloads modules; keeping the handle on globalThis keeps one PGlite per process.
const globalForDb = globalThis as typeof globalThis & { __storefrontDb?: Promise<DatabaseHandle> };

async function initialise(): Promise<DatabaseHandle> {
  const handle = await openDatabase(getConfig().database.url);
  await seedCatalog(handle.db, getConfig().store.currency);
  // The catalog's digital products name their sample files; they are put in place with it.
  await seedStorage(getConfig().storage.dir);
  return handle;
}

/** The open database with its driver, for the job queue and the readiness check. */
export async function getDatabaseHandle(): Promise<DatabaseHandle> {
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    // A build machine need not reach the database, and a PGlite folder belongs to the server:
    // a page that reads it while next build prerenders is rendered per request instead.
    const { connection } = await import('next/server');
    await connection();
    throw new Error('next build must not open the database: render the page per request (await connection()).');
  }
  globalForDb.__storefrontDb ??= initialise().catch((error: unknown) => {
    globalForDb.__storefrontDb = undefined;
    throw error;
  });
  return globalForDb.__storefrontDb;
}

/** The app's database, migrated and seeded on first use (and at start-up by instrumentation.ts). */
export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** Closes the database at shutdown (PGlite flushes its folder and lets go of its lock). */
export async function closeDatabase(): Promise<void> {
  const pending = globalForDb.__storefrontDb;
  globalForDb.__storefrontDb = undefined;
  if (pending) await (await pending).close();
}
