import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '@/lib/db/connection';

/** pg-boss keeps its tables in a schema of their own, beside the storefront's. */
export const JOB_SCHEMA = 'pgboss';

/**
 * pg-boss talks to PostgreSQL through a `db` with executeSql, or its own pool from a
 * connection string. PGlite is one embedded connection: pg-boss sends its locked
 * transactions as one parameterless multi-statement string (BEGIN; …; COMMIT), which
 * PGlite accepts only through exec(), and everything else with parameters through
 * query(). PGlite serialises both on its own lock, so no statement interleaves with
 * a pg-boss transaction. https://github.com/timgit/pg-boss/blob/master/docs/readme.md
 */
function pgliteAdapter(pglite: Extract<DatabaseHandle, { driver: 'pglite' }>['pglite']): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      if (values && values.length > 0) return { rows: (await pglite.query(text, values)).rows };
      const results = await pglite.exec(text);
      return { rows: results.flatMap((result) => result.rows) };
    },
  };
}

function arrayLiteral(items: unknown[]): string {
  const quoted = items.map((item) =>
    item === null || item === undefined ? 'NULL' : `"${String(asPostgresText(item)).replace(/["\\]/g, '\\$&')}"`,
  );
  return `{${quoted.join(',')}}`;
}

/**
 * pg-boss was written against node-postgres, which sends every parameter as text: JSON
 * for objects, an array literal for arrays, ISO for dates. postgres.js is given the same
 * text, and the casts in pg-boss's SQL give it its type.
 */
export function asPostgresText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return arrayLiteral(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * On PostgreSQL pg-boss shares the app's postgres.js pool, so both read DATABASE_URL the
 * same way. postgres.js refuses a BEGIN on a pooled connection, so pg-boss's locked
 * transactions run on a reserved connection as one simple-protocol query.
 */
function postgresAdapter(sql: Extract<DatabaseHandle, { driver: 'postgres' }>['sql']): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      if (values && values.length > 0) return { rows: [...(await sql.unsafe(text, values.map(asPostgresText)))] };
      const reserved = await sql.reserve();
      try {
        const results: unknown[] = await reserved.unsafe(text).simple();
        // One statement gives its rows; several give one array of rows per statement.
        const rows =
          results.length > 0 && Array.isArray(results[0]) ? results.flatMap((result) => [...(result as unknown[])]) : results;
        return { rows };
      } catch (error) {
        await reserved.unsafe('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        reserved.release();
      }
    },
  };
}

/** A pg-boss instance on the app's database (not started). */
export function createJobQueue(handle: DatabaseHandle): PgBoss {
  const common = {
    schema: JOB_SCHEMA,
    // Failed jobs stay in the job table for two weeks so the admin can read and retry them.
    archiveFailedAfterSeconds: 14 * 24 * 3600,
    archiveCompletedAfterSeconds: 24 * 3600,
    deleteAfterDays: 14,
    // Schedules are checked every 30 s by default; 10 s keeps a 5-minute sweep on time without load.
    cronMonitorIntervalSeconds: 10,
  } satisfies PgBoss.ConstructorOptions;
  return new PgBoss({ ...common, db: handle.driver === 'pglite' ? pgliteAdapter(handle.pglite) : postgresAdapter(handle.sql) });
}
