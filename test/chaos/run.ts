import { count, inArray } from 'drizzle-orm';
import { adminOperations } from '@/lib/db/schema';
import { resyncPayments, type ResyncResult } from '@/lib/orders/payments/resync';
import type { Database } from '@/lib/db/connection';
import type { Harness } from '@/test/sandbox-harness';
import { newModel, newStats, type ChaosContext } from './context';
import { checkInvariants, type Expectations } from './invariants';
import { cancel, capture, paymentsIn, refund, refundable, renew, subscriptions } from './merchant-operations';
import { deliverNotifications, retryUnprocessed } from './notifications';
import { createPrng } from './prng';
import { followUp, placeCheckout, refreshResult, returnFromAmazon, startCheckout } from './shopper-operations';
import { createWire, startProcess } from './storefront-process';

/**
 * Test-only: a chaos run. Operations are drawn from a seeded generator; each runs the
 * real product code in fresh storefront processes, with faults on the wire and
 * crashes at random. Then everything settles and the invariants are checked.
 */

export interface ChaosOptions {
  seed: number;
  operations: number;
  /** Per-attempt client timeout; injected delays are two to three times this. */
  timeoutMs?: number;
  faultRate?: number;
  crashRate?: number;
}

export interface ChaosReport {
  seed: number;
  stats: ChaosContext['stats'];
  /** One line per operation: its number, kind and what came of it. */
  log: string[];
  resync: ResyncResult;
  violations: string[];
}

export function createChaos(h: Harness, db: Database, options: ChaosOptions): ChaosContext {
  return {
    h,
    db,
    prng: createPrng(options.seed),
    wire: createWire(h),
    timeoutMs: options.timeoutMs ?? 40,
    model: newModel(),
    stats: newStats(),
    faultRate: options.faultRate ?? 0.3,
    crashRate: options.crashRate ?? 0.12,
    notes: [],
  };
}

type Step = () => Promise<string>;

/** Draws one operation among those that have something to act on. */
async function nextStep(ctx: ChaosContext): Promise<[string, Step]> {
  const { prng, model } = ctx;
  const inStage = (...stages: string[]) => model.checkouts.filter((checkout) => stages.includes(checkout.stage));
  const chosen = inStage('chosen');
  const placed = inStage('placed');
  const replaceable = placed.filter((checkout) => !checkout.passedProcessingPage);
  const returned = inStage('returned', 'done');
  const authorized = await paymentsIn(ctx, ['Authorized']);
  const cancelable = await paymentsIn(ctx, ['Authorized', 'AuthorizationInitiated']);
  const refunds = await refundable(ctx);
  const renewals = await subscriptions(ctx);
  const open = chosen.length + placed.length;
  const weights = {
    start: open > 6 ? 3 : 12,
    place: chosen.length ? 14 : 0,
    replace: replaceable.length ? 2 : 0,
    return: placed.length ? 14 : 0,
    refresh: returned.length ? 3 : 0,
    capture: authorized.length ? 8 : 0,
    cancel: cancelable.length ? 2 : 0,
    refund: refunds.length ? 7 : 0,
    renew: renewals.length ? 5 : 0,
    advance: 6,
    ipn: 10,
    worker: model.unprocessed.length ? 3 : 0,
    followUp: model.followUps.length ? 4 : 0,
  };
  const kind = prng.weighted(weights);
  const steps: Record<typeof kind, Step> = {
    start: () => startCheckout(ctx),
    place: () => placeCheckout(ctx, prng.pick(chosen)),
    replace: () => placeCheckout(ctx, prng.pick(replaceable)),
    return: () => returnFromAmazon(ctx, prng.pick(placed)),
    refresh: () => refreshResult(ctx, prng.pick(returned)),
    capture: () => capture(ctx, prng.pick(authorized)),
    cancel: () => cancel(ctx, prng.pick(cancelable)),
    refund: () => refund(ctx, prng.pick(refunds)),
    renew: () => renew(ctx, prng.pick(renewals)),
    advance: async () => {
      const seconds = prng.int(5, 40);
      ctx.h.sandbox.advance(seconds);
      return `${seconds} s pass at Amazon`;
    },
    ipn: () => deliverNotifications(ctx),
    worker: () => retryUnprocessed(ctx),
    followUp: () => followUp(ctx),
  };
  return [kind, steps[kind]];
}

export async function runChaos(ctx: ChaosContext, operations: number): Promise<string[]> {
  const log: string[] = [];
  for (let index = 1; index <= operations; index++) {
    const [kind, step] = await nextStep(ctx);
    ctx.stats.operations += 1;
    ctx.stats.byKind[kind] = (ctx.stats.byKind[kind] ?? 0) + 1;
    const started = performance.now();
    const outcome = await step();
    const notes = ctx.notes.splice(0, ctx.notes.length);
    log.push(
      `#${index} ${kind} ${outcome} (${Math.round(performance.now() - started)} ms)${notes.map((note) => `; ${note}`).join('')}`,
    );
  }
  return log;
}

/** No more faults; Amazon settles what is pending, SNS gets through, and a resync runs. */
export async function settle(ctx: ChaosContext): Promise<ResyncResult> {
  await ctx.h.control('DELETE', 'faults');
  await ctx.wire.settle();
  for (let round = 0; round < 20 && ctx.h.sandbox.store.pendingTaskCount() > 0; round++) ctx.h.sandbox.advance(60);
  await deliverNotifications(ctx, true);
  await retryUnprocessed(ctx, true);
  await followUp(ctx, true);
  const clean = startProcess({ h: ctx.h, db: ctx.db, wire: ctx.wire, prng: ctx.prng, timeoutMs: 10_000 });
  // Amazon's clock decides which open checkouts expired; the workers above already took every notification.
  // Every process that could still be finishing an operation is gone, so none is too young to repeat.
  const resync = await resyncPayments(clean.db, clean.amazon, {
    trigger: 'cli',
    now: ctx.h.sandbox.clock.now(),
    operationGraceMs: 0,
  });
  ctx.stats.repairs = resync.changes.length + resync.operationsResumed;
  await deliverNotifications(ctx, true);
  const [pending] = await ctx.db
    .select({ n: count() })
    .from(adminOperations)
    .where(inArray(adminOperations.status, ['pending', 'unknown']));
  ctx.stats.operationsLeftPending = pending?.n ?? 0;
  return resync;
}

export function expectationsOf(ctx: ChaosContext): Expectations {
  const bySession = new Map(ctx.model.checkouts.map((checkout) => [checkout.checkoutSessionId, checkout]));
  return {
    confirmedTotal: (id) => bySession.get(id)?.confirmedTotal ?? null,
    renewalAmount: (id) => bySession.get(id)?.renewalAmount ?? null,
    renewalPeriods: (id) => ctx.model.renewalPeriods.get(id)?.size ?? 0,
  };
}

/** Settles everything, then lists every invariant the run broke. */
export async function verdict(ctx: ChaosContext): Promise<{ resync: ResyncResult; violations: string[] }> {
  const resync = await settle(ctx);
  const found = await checkInvariants(ctx.db, ctx.h.sandbox.store, expectationsOf(ctx));
  return { resync, violations: [...ctx.stats.violations, ...found] };
}

export async function chaosRun(h: Harness, db: Database, options: ChaosOptions): Promise<ChaosReport> {
  const ctx = createChaos(h, db, options);
  const log = await runChaos(ctx, options.operations);
  return { seed: options.seed, stats: ctx.stats, log, ...(await verdict(ctx)) };
}

export function summaryLine(report: ChaosReport, target: string): string {
  const { stats } = report;
  return (
    `chaos on ${target}: seed ${report.seed}, ${stats.operations} operations, ${stats.faults} faults, ` +
    `${stats.crashes} crashes (${stats.crashesSwallowed.length} swallowed), ${stats.ipnDropped} IPNs dropped, ` +
    `${stats.repairs} repairs by the final resync, ${stats.operationsLeftPending} merchant operations left pending, ` +
    `${report.violations.length} violations`
  );
}
