import { AmazonPayError } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import { UserFacingError } from '@/lib/errors';
import { AmazonRefusedError } from '@/lib/orders/payments/operation-errors';
import type { FaultInput } from '@/sandbox/faults';
import type { NotificationRecord } from '@/sandbox/ipn';
import type { Harness } from '@/test/sandbox-harness';
import type { Prng } from './prng';
import { isCrash, startProcess, type CrashPlan, type StorefrontProcess, type Wire } from './storefront-process';

/** Test-only: what a chaos run knows and counts, and how one operation runs product code under faults. */

export type CheckoutStage = 'chosen' | 'placed' | 'returned' | 'done';

/** One shopper's checkout, as the shopper's browser knows it. */
export interface ShopperCheckout {
  label: string;
  cartId: string;
  checkoutSessionId: string;
  shopperTokenHash: string;
  stage: CheckoutStage;
  /** Total (minor units) of the last review the shopper confirmed with Place order and we did not refuse. */
  confirmedTotal: number | null;
  /** The subscription line's total: what each renewal charges. Null without a subscription. */
  renewalAmount: number | null;
  redirectUrl: string | null;
  passedProcessingPage: boolean;
}

export interface ChaosModel {
  checkouts: ShopperCheckout[];
  /** Renewal periods asked for, per charge permission: the most renewal charges it may carry. */
  renewalPeriods: Map<string, Set<number>>;
  /** The next renewal period (months after placed_at) per order number. */
  nextPeriod: Map<string, number>;
  /** Notifications Amazon has not yet got a 2xx for, in the order it would retry them. */
  undelivered: NotificationRecord[];
  /** How many of the emulator's notifications were queued for delivery already. */
  notificationCursor: number;
  /** Recorded by the route, not yet processed by a worker. */
  unprocessed: string[];
  /** Orders whose completion did not answer, queued for the follow-up job. */
  followUps: string[];
}

export interface ChaosStats {
  operations: number;
  byKind: Record<string, number>;
  faults: number;
  crashes: number;
  /** Operations that returned normally although their process had crashed. */
  crashesSwallowed: string[];
  outcomes: Record<string, number>;
  /** Errors that are neither a refusal, an Amazon error nor a crash. */
  unexpected: string[];
  ipnDropped: number;
  ipnDelivered: number;
  repairs: number;
  /** Merchant operations a crash left pending: their retries wait, then fail, until the row goes stale. */
  operationsLeftPending: number;
  /** Checks made while the run goes (the multi-tab refusal), in the same words as the final invariants. */
  violations: string[];
}

export interface ChaosContext {
  h: Harness;
  /** The database as the test (the shopper's and merchant's pages, the invariants) reads it. */
  db: Database;
  prng: Prng;
  wire: Wire;
  timeoutMs: number;
  model: ChaosModel;
  stats: ChaosStats;
  faultRate: number;
  crashRate: number;
  /** What the current operation met on the wire (faults, crashes), for its line in the run's log. */
  notes: string[];
}

export function newModel(): ChaosModel {
  return {
    checkouts: [],
    renewalPeriods: new Map(),
    nextPeriod: new Map(),
    undelivered: [],
    notificationCursor: 0,
    unprocessed: [],
    followUps: [],
  };
}

export function newStats(): ChaosStats {
  return {
    operations: 0,
    byKind: {},
    faults: 0,
    crashes: 0,
    crashesSwallowed: [],
    outcomes: {},
    unexpected: [],
    ipnDropped: 0,
    ipnDelivered: 0,
    repairs: 0,
    operationsLeftPending: 0,
    violations: [],
  };
}

const MERCHANT_KINDS = new Set(['capture', 'cancel', 'refund', 'renew']);

const FAULT_STATUSES = [408, 429, 500, 502, 503, 504] as const;

/** Faults for the next call(s) to Amazon, whatever they are: error statuses, or latency beyond the client's timeout. */
export function chooseFault(ctx: ChaosContext): FaultInput {
  const { prng } = ctx;
  if (prng.chance(0.3)) return { delayMs: ctx.timeoutMs * prng.int(2, 3), count: 1 };
  // Up to the client's three retries, the call still succeeds; four exhaust them.
  return { status: prng.pick(FAULT_STATUSES), count: prng.pick([1, 1, 1, 2, 2, 4]) };
}

export type Settled<T> =
  { ok: true; value: T; process: StorefrontProcess } | { ok: false; error: unknown; process: StorefrontProcess };

/**
 * Runs one operation's product code in `tabs` fresh processes at once (two tabs, a
 * double click, two instances behind a balancer). The first may get a fault on the
 * wire and a crash; afterwards the faults are cleared and every request still on the
 * wire is handled, so the next operation starts from a quiet emulator.
 */
export async function underChaos<T>(
  ctx: ChaosContext,
  label: string,
  tabs: number,
  work: (process: StorefrontProcess, tab: number) => Promise<T>,
  options: { faults?: boolean; crashes?: boolean } = {},
): Promise<Array<Settled<T>>> {
  const { prng } = ctx;
  // A twin of a crashed merchant operation waits for its pending row (15 s), then gives up:
  // true to the product, and too slow to draw here.
  const crashes = (options.crashes ?? true) && !(tabs > 1 && MERCHANT_KINDS.has(label.split(' ')[0] ?? ''));
  if ((options.faults ?? true) && prng.chance(ctx.faultRate)) {
    const fault = chooseFault(ctx);
    const armed = await ctx.h.control('POST', 'faults', fault);
    if (armed.status !== 201) throw new Error(`fault injection refused: ${JSON.stringify(armed.body)}`);
    ctx.stats.faults += 1;
    ctx.notes.push(`fault ${JSON.stringify(fault)}`);
  }
  const crash: CrashPlan | null =
    crashes && prng.chance(ctx.crashRate)
      ? { atCall: prng.int(1, 4), when: prng.chance(0.5) ? 'before-request' : 'after-processing' }
      : null;
  const processes = Array.from({ length: tabs }, (_, tab) =>
    startProcess({ h: ctx.h, db: ctx.db, wire: ctx.wire, prng, timeoutMs: ctx.timeoutMs }, tab === 0 ? crash : null),
  );
  const settled = await Promise.all(
    processes.map((process, tab) =>
      work(process, tab).then(
        (value): Settled<T> => ({ ok: true, value, process }),
        (error: unknown): Settled<T> => ({ ok: false, error, process }),
      ),
    ),
  );
  await ctx.h.control('DELETE', 'faults');
  await ctx.wire.settle();
  for (const result of settled) {
    if (result.process.crashed) {
      ctx.stats.crashes += 1;
      if (crash) ctx.notes.push(`crash at call ${crash.atCall} ${crash.when}`);
      if (result.ok) ctx.stats.crashesSwallowed.push(`${label} (process ${result.process.id})`);
    }
    count(ctx, outcomeName(result, label));
  }
  return settled;
}

function count(ctx: ChaosContext, outcome: string) {
  ctx.stats.outcomes[outcome] = (ctx.stats.outcomes[outcome] ?? 0) + 1;
}

function outcomeName(result: Settled<unknown>, label: string): string {
  const kind = label.split(' ')[0] ?? label;
  if (result.ok) return `${kind}: ok`;
  const { error } = result;
  if (isCrash(error)) return `${kind}: crashed`;
  if (error instanceof AmazonPayError) return `${kind}: amazon ${error.reasonCode}`;
  if (error instanceof AmazonRefusedError) return `${kind}: amazon refused ${error.reasonCode}`;
  if (error instanceof UserFacingError) return `${kind}: ${error.name}`;
  return `${kind}: unexpected`;
}

/** Records an error no fault explains, with where it came from. */
export function noteUnexpected(ctx: ChaosContext, label: string, results: ReadonlyArray<Settled<unknown>>): void {
  for (const result of results) {
    if (result.ok) continue;
    const { error } = result;
    if (isCrash(error) || error instanceof AmazonPayError || error instanceof UserFacingError) continue;
    const where = error instanceof Error ? (error.stack ?? '').split('\n').slice(0, 3).join(' | ') : String(error);
    ctx.stats.unexpected.push(`${label}: ${where}`);
  }
}
