import { inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { downloadGrants } from '@/lib/db/schema';

/**
 * Takes one of a line's downloads, or answers null when all `limit` are taken. One statement
 * reads and raises the count: PostgreSQL locks the row for the conflicting upsert and checks
 * the condition against its newest version, so parallel requests never pass the bound
 * (https://www.postgresql.org/docs/current/sql-insert.html#SQL-ON-CONFLICT).
 */
export async function claimDownload(db: Database, orderLineId: string, limit: number): Promise<number | null> {
  const [row] = await db
    .insert(downloadGrants)
    .values({ orderLineId, downloads: 1 })
    .onConflictDoUpdate({
      target: downloadGrants.orderLineId,
      set: { downloads: sql`${downloadGrants.downloads} + 1`, lastDownloadedAt: sql`now()` },
      setWhere: lt(downloadGrants.downloads, limit),
    })
    .returning({ downloads: downloadGrants.downloads });
  return row?.downloads ?? null;
}

/** How many downloads each line has used, for the links' "n left". */
export async function downloadsUsed(db: Database, orderLineIds: readonly string[]): Promise<Map<string, number>> {
  if (orderLineIds.length === 0) return new Map();
  const rows = await db
    .select({ orderLineId: downloadGrants.orderLineId, downloads: downloadGrants.downloads })
    .from(downloadGrants)
    .where(inArray(downloadGrants.orderLineId, [...orderLineIds]));
  return new Map(rows.map((row) => [row.orderLineId, row.downloads]));
}
