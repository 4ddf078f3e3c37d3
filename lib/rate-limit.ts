import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { rateLimitBuckets } from '@/lib/db/schema';

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
  /**
   * Past the limit, admit attempts further and further apart instead of refusing them all
   * until the window ends: the nth attempt beyond the limit is admitted once 2^n seconds
   * have passed since the window opened. A window then admits at most limit + log2(window)
   * attempts, and a refused attempt does not push the next one back.
   */
  progressive?: boolean;
}

/**
 * Reserves one attempt against a fixed-window counter in the database, where every
 * instance behind a load balancer sees it. The check and the count are one atomic upsert,
 * so concurrent attempts cannot all pass a check made before any of them was counted:
 * reserve before the slow work, not after it. Returns whether the attempt may go ahead.
 */
export async function reserveAttempt(db: Database, key: string, rule: RateLimitRule, now = new Date()): Promise<boolean> {
  const nowText = now.toISOString();
  const windowStart = new Date(now.getTime() - rule.windowSeconds * 1000).toISOString();
  const { hits, windowStartedAt } = rateLimitBuckets;
  const expired = sql`${windowStartedAt} <= ${windowStart}::timestamptz`;
  const delayPassed = rule.progressive
    ? sql`${windowStartedAt} + least(power(2, ${hits} + 1 - ${rule.limit}), ${rule.windowSeconds}) * interval '1 second' <= ${nowText}::timestamptz`
    : sql`false`;
  const rows = await db
    .insert(rateLimitBuckets)
    .values({ key, windowStartedAt: now, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        hits: sql`case when ${expired} then 1 else ${hits} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${nowText}::timestamptz else ${windowStartedAt} end`,
      },
      // No row comes back when the attempt is refused, and then nothing was counted.
      setWhere: sql`${expired} or ${hits} < ${rule.limit} or ${delayPassed}`,
    })
    .returning({ hits });
  return rows.length > 0;
}

export async function resetHits(db: Database, key: string): Promise<void> {
  await db.delete(rateLimitBuckets).where(eq(rateLimitBuckets.key, key));
}
