import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '@/lib/db/connection';

/**
 * The database tests run on an in-memory PGlite always, and on PostgreSQL too when
 * TEST_DATABASE_URL is set (.ci/run sets it). Each PostgreSQL run gets a database of
 * its own, dropped afterwards, so runs never see each other's rows.
 */

export interface TestDatabaseTarget {
  name: 'pglite' | 'postgres';
  open(): Promise<DatabaseHandle>;
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function postgresTarget(adminUrl: string): TestDatabaseTarget {
  return {
    name: 'postgres',
    async open() {
      const name = `storefront_test_${randomBytes(6).toString('hex')}`;
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      await admin.end();
      const handle = await openDatabase(withDatabaseName(adminUrl, name));
      return {
        ...handle,
        async close() {
          await handle.close();
          const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
          await cleanup.unsafe(`drop database if exists ${name} with (force)`);
          await cleanup.end();
        },
      };
    },
  };
}

export const testDatabaseTargets: TestDatabaseTarget[] = [
  { name: 'pglite', open: () => openDatabase('memory:') },
  ...(process.env.TEST_DATABASE_URL ? [postgresTarget(process.env.TEST_DATABASE_URL)] : []),
];
