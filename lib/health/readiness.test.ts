import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/connection';
import { testDatabaseTargets } from '@/test/databases';
import { checkReadiness, type ReadinessProbe } from './readiness';

describe.each(testDatabaseTargets)('readiness on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  const probe = (overrides: Partial<ReadinessProbe> = {}): ReadinessProbe => ({
    database: async () => handle.db,
    queueRunning: async () => true,
    amazonPayEndpoint: () => ({ configured: true, mode: 'offline sandbox' }),
    ...overrides,
  });

  it('is ready when the database answers, every migration is applied, the queue runs and Amazon Pay is configured', async () => {
    const readiness = await checkReadiness(probe());
    expect(readiness.ready).toBe(true);
    expect(readiness.checks.migrations.detail).toMatch(/^\d+ applied$/);
  });

  it('is not ready while the queue is stopped or Amazon Pay is not configured', async () => {
    const stopped = await checkReadiness(probe({ queueRunning: async () => false }));
    expect(stopped).toMatchObject({ ready: false, checks: { queue: { ok: false, detail: 'not running' } } });
    const unconfigured = await checkReadiness(probe({ amazonPayEndpoint: () => ({ configured: false, mode: 'x' }) }));
    expect(unconfigured).toMatchObject({ ready: false, checks: { amazonPay: { ok: false } } });
  });

  it('is not ready, without saying why in detail, when the database cannot be reached or lags behind', async () => {
    const unreachable = await checkReadiness(
      probe({
        database: async () => {
          throw new Error('connect ECONNREFUSED 10.0.0.1:5432 password=secret');
        },
      }),
    );
    expect(unreachable.checks.database).toEqual({ ok: false, detail: 'unreachable' });
    expect(JSON.stringify(unreachable)).not.toContain('secret');
    const hung = await checkReadiness(probe({ database: () => new Promise(() => {}) }), 200);
    expect(hung.checks.database.ok).toBe(false);

    await handle.db.execute(
      sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`,
    );
    const behind = await checkReadiness(probe());
    expect(behind.ready).toBe(false);
    expect(behind.checks.migrations.detail).toMatch(/^\d+ of \d+ applied$/);
  });
});
