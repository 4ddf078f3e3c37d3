import type { SQL } from 'drizzle-orm';
import type { Database } from './connection';

/**
 * Rows of a raw query on either driver: postgres.js answers with the rows themselves,
 * PGlite with an object holding them.
 */
export async function selectRows<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Row[];
}
