import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { ensurePrivateFolder } from '../private-files';
import { lockPgliteFolder } from './pglite-lock';
import * as schema from './schema';

export type Schema = typeof schema;
/** Both drivers share Drizzle's PostgreSQL dialect, so the domain code sees one type. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseHandle = {
  db: Database;
  close(): Promise<void>;
} & (
  | {
      driver: 'pglite';
      /** The embedded engine itself, for the job queue's adapter. */ pglite: PGlite;
      dataDir: string | undefined;
    }
  | { driver: 'postgres'; url: string; /** The postgres.js pool, shared with the job queue. */ sql: postgres.Sql }
);

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'lib', 'db', 'migrations');
export const DEFAULT_PGLITE_DIR = path.join(process.cwd(), '.data', 'pglite');

// Any instance may start first; the lock makes the others wait instead of racing the same DDL.
const MIGRATION_LOCK_ID = 727_274_001;

/**
 * Opens the database named by `url` and brings its schema up to date:
 * `postgres://…` is PostgreSQL, `memory:` an in-memory PGlite, `pglite:<dir>` or
 * nothing a PGlite directory (default `.data/pglite`).
 */
export async function openDatabase(url: string | undefined): Promise<DatabaseHandle> {
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
  if (url === 'memory:') return openPglite(undefined);
  return openPglite(url?.startsWith('pglite:') ? url.slice('pglite:'.length) : DEFAULT_PGLITE_DIR);
}

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  if (dataDir) {
    mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
    ensurePrivateFolder(path.resolve(dataDir));
  }
  const lock = dataDir ? lockPgliteFolder(dataDir) : undefined;
  try {
    // pg_trgm backs the admin search's trigram indexes; PostgreSQL ships it as a contrib extension, PGlite bundles it.
    const extensions = { pg_trgm };
    const client = dataDir ? new PGlite(path.resolve(dataDir), { extensions }) : new PGlite({ extensions });
    const db = drizzlePglite({ client, schema });
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const close = async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    };
    return { db: db as unknown as Database, driver: 'pglite', pglite: client, dataDir: dataDir && path.resolve(dataDir), close };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** The server a URL names, without its user or password, for messages. */
function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the configured server';
  }
}

export class DatabaseUnreachableError extends Error {
  override readonly name = 'DatabaseUnreachableError';
}

const CONNECTION_FAILURES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'CONNECT_TIMEOUT']);

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const migrationClient = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    try {
      await migrationClient`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && (CONNECTION_FAILURES.has(code) || /^(28|3D)/.test(code))) {
        throw new DatabaseUnreachableError(
          `Cannot reach the PostgreSQL database that DATABASE_URL names (${describeServer(url)}): ${code}. ` +
            'Check that the server runs and that DATABASE_URL is right, or unset it to use the embedded PGlite database.',
        );
      }
      throw error;
    }
    await migratePostgres(drizzlePostgres({ client: migrationClient }), { migrationsFolder: MIGRATIONS_FOLDER });
    await migrationClient`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
  } finally {
    await migrationClient.end();
  }
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema });
  return { db: db as unknown as Database, driver: 'postgres', url, sql: client, close: () => client.end() };
}
