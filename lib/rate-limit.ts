import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { rateLimitBuckets } from '@/lib/db/schema';

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

/**
 * Fixed-window counters in the database, so every instance behind a load balancer
 * sees the same count. Hits are recorded with one atomic upsert.
 */
export async function recordHit(db: Database, key: string, rule: RateLimitRule, now = new Date()): Promise<number> {
  const windowStart = new Date(now.getTime() - rule.windowSeconds * 1000);
  const expired = sql`${rateLimitBuckets.windowStartedAt} <= ${windowStart.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rateLimitBuckets)
    .values({ key, windowStartedAt: now, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${rateLimitBuckets.hits} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${rateLimitBuckets.windowStartedAt} end`,
      },
    })
    .returning({ hits: rateLimitBuckets.hits });
  return row?.hits ?? 1;
}

export async function isLimited(db: Database, key: string, rule: RateLimitRule, now = new Date()): Promise<boolean> {
  const [row] = await db.select().from(rateLimitBuckets).where(eq(rateLimitBuckets.key, key)).limit(1);
  if (!row) return false;
  const windowOpen = row.windowStartedAt.getTime() > now.getTime() - rule.windowSeconds * 1000;
  return windowOpen && row.hits >= rule.limit;
}

export async function resetHits(db: Database, key: string): Promise<void> {
  await db.delete(rateLimitBuckets).where(eq(rateLimitBuckets.key, key));
}
