import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '@/test/databases';
import { chaosRun, summaryLine } from './run';
import { openWorld, type ChaosWorld } from './world';

/**
 * Amazon's money and our orders always agree: shoppers and the merchant act at random
 * (seeded), the wire fails and processes crash at random, and afterwards every charge,
 * charge permission and refund in the emulator matches our books. CHAOS_SEED and
 * CHAOS_OPS replay or lengthen a run locally; CHAOS_LOG prints every operation.
 * The full count runs on each database target: about 30 s on PGlite and 25 s on PostgreSQL.
 */

const SEED = Number(process.env.CHAOS_SEED ?? 20260115);
const OPERATIONS = Number(process.env.CHAOS_OPS ?? 300);
// A long local run (CHAOS_OPS) gets time in proportion; the default fits in well under a minute.
const TIMEOUT_MS = Math.max(150_000, OPERATIONS * 1_000);

describe.each(testDatabaseTargets)('chaos against the sandbox on $name', (target) => {
  let world: ChaosWorld;

  beforeAll(async () => {
    world = await openWorld(target);
  });
  afterAll(async () => world?.handle.close());

  it(`keeps Amazon and our books in agreement over ${OPERATIONS} operations`, { timeout: TIMEOUT_MS }, async () => {
    const report = await chaosRun(world.h, world.handle.db, { seed: SEED, operations: OPERATIONS });
    console.log(summaryLine(report, target.name));
    if (process.env.CHAOS_LOG) {
      console.log(report.log.join('\n'));
      console.log(JSON.stringify(report.stats, null, 2));
    }
    expect(report.stats.unexpected, 'errors no fault or crash explains').toEqual([]);
    expect(report.resync.errors, 'the final resync could not re-read').toEqual([]);
    expect(report.violations).toEqual([]);
  });
});
