import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db/connection';
import { MIGRATIONS_FOLDER } from '@/lib/db/connection';
import { selectRows } from '@/lib/db/rows';

/** One line of the readiness answer: what was checked and whether it holds. No secret, no PII. */
export interface ReadinessCheck {
  ok: boolean;
  detail: string;
}

export interface Readiness {
  ready: boolean;
  checks: { database: ReadinessCheck; migrations: ReadinessCheck; queue: ReadinessCheck; amazonPay: ReadinessCheck };
}

export interface ReadinessProbe {
  database(): Promise<Database>;
  queueRunning(): Promise<boolean>;
  amazonPayEndpoint(): { configured: boolean; mode: string };
}

const journalSchema = z.object({ entries: z.array(z.object({ tag: z.string() })) });

let expectedMigrations: number | undefined;
function migrationsShipped(): number {
  expectedMigrations ??= journalSchema.parse(
    JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')),
  ).entries.length;
  return expectedMigrations;
}

const failed = (detail: string): ReadinessCheck => ({ ok: false, detail });

/** Each check is bounded, so a hung database answers "not ready" instead of hanging the probe. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);
}

export async function checkReadiness(probe: ReadinessProbe, timeoutMs = 3_000): Promise<Readiness> {
  let database: ReadinessCheck;
  let migrations: ReadinessCheck;
  try {
    const db = await within(probe.database(), timeoutMs);
    await within(db.execute(sql`select 1`), timeoutMs);
    database = { ok: true, detail: 'reachable' };
    const rows = await within(
      selectRows<{ applied: number }>(db, sql`select count(*)::int as applied from drizzle.__drizzle_migrations`),
      timeoutMs,
    );
    const applied = Number(rows[0]?.applied ?? 0);
    const expected = migrationsShipped();
    migrations = applied >= expected ? { ok: true, detail: `${applied} applied` } : failed(`${applied} of ${expected} applied`);
  } catch {
    database = failed('unreachable');
    migrations = failed('unknown');
  }
  let queue: ReadinessCheck;
  try {
    queue = (await within(probe.queueRunning(), timeoutMs)) ? { ok: true, detail: 'running' } : failed('not running');
  } catch {
    queue = failed('not running');
  }
  const endpoint = probe.amazonPayEndpoint();
  const amazonPay = endpoint.configured ? { ok: true, detail: endpoint.mode } : failed('not configured');
  const checks = { database, migrations, queue, amazonPay };
  return { ready: Object.values(checks).every((check) => check.ok), checks };
}
