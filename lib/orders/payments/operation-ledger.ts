import { and, asc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AmazonPayError, type AmazonPayClient } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import { adminOperations } from '@/lib/db/schema';
import { isTransientFailure } from './completion';
import { recordPaymentEvent } from './events';
import { AmazonRefusedError, AmazonUnavailableError, OperationInProgressError } from './operation-errors';
import { errorFields, log } from '@/lib/log';

/**
 * The admin_operations row is written before Amazon is called, keyed by the idempotency
 * key we send. A twin request (double click, second tab, retry) finds the row: it waits
 * for the first to finish and returns the same answer, so Amazon is called once.
 *
 * When Amazon's answer is unknown (a timeout, a 5xx, a crash) the row stays open
 * ('unknown', or 'pending' for a crash) and the resync repeats the call from the stored
 * request with the same key, so money Amazon moved is always recorded.
 */

type Detail = Record<string, string | number | boolean | null>;
type OperationRow = typeof adminOperations.$inferSelect;

export interface OperationSpec {
  idempotencyKey: string;
  orderId: string;
  kind: string;
  request: Detail;
  /** Who asked: the admin's email, kept on the operation row. */
  actor: string;
}

export interface OperationOutcome {
  operationId: string;
  idempotencyKey: string;
  amazonObjectId: string | null;
  /** True when an earlier identical request already did it and Amazon was not called again. */
  replayed: boolean;
}

// A twin waits this long for the first request; Amazon answers in well under that.
const WAIT_FOR_TWIN_MS = 15_000;
const POLL_MS = 50;
// A row pending for longer than this was left by a crash: retrying with the same key is safe,
// because Amazon replays its first answer for a key (https://developer.amazon.com/docs/amazon-pay-api-v2/idempotency.html).
const STALE_PENDING_MS = 120_000;

export interface OperationSteps {
  /** Checks our stored state; throws OperationRefusedError. Skipped when a twin already did (or is doing) this operation. */
  validate: () => Promise<void> | void;
  call: (idempotencyKey: string) => Promise<{ amazonObjectId: string | null }>;
  afterSuccess: (amazonObjectId: string | null) => Promise<void>;
  /** Our own consequence of Amazon's yes, written in the transaction that records the success. */
  record?: (tx: Database) => Promise<void>;
}

/**
 * An operation's Amazon call and its follow-up as a function of the stored request
 * alone, so a later process can repeat it with the same key (Amazon then answers once).
 */
export interface OperationReplay<Request extends Detail = Detail> {
  kind: string;
  request: z.ZodType<Request>;
  call(amazon: AmazonPayClient, request: Request, idempotencyKey: string): Promise<{ amazonObjectId: string | null }>;
  afterSuccess(db: Database, amazon: AmazonPayClient, request: Request, amazonObjectId: string | null): Promise<void>;
}

/** The call and follow-up steps of runOperation, from an operation's replay. */
export function replaySteps<Request extends Detail>(
  replay: OperationReplay<Request>,
  db: Database,
  amazon: AmazonPayClient,
  request: Request,
): Pick<OperationSteps, 'call' | 'afterSuccess'> {
  return {
    call: (idempotencyKey) => replay.call(amazon, request, idempotencyKey),
    afterSuccess: (amazonObjectId) => replay.afterSuccess(db, amazon, request, amazonObjectId),
  };
}

export async function runOperation(db: Database, spec: OperationSpec, steps: OperationSteps): Promise<OperationOutcome> {
  const { call, afterSuccess } = steps;
  // A double click that arrives after the first finished acts on a changed state (the charge
  // is captured now): it must get the first answer back, not a refusal.
  const [twin] = await db
    .select({ status: adminOperations.status })
    .from(adminOperations)
    .where(eq(adminOperations.idempotencyKey, spec.idempotencyKey))
    .limit(1);
  if (!twin || twin.status === 'failed') await steps.validate();
  const claim = await claimOperation(db, spec);
  if ('settled' in claim) return settledOutcome(claim.settled);
  const row = claim.claimed;

  let amazonObjectId: string | null;
  try {
    ({ amazonObjectId } = await call(spec.idempotencyKey));
  } catch (error) {
    const reasonCode = error instanceof AmazonPayError ? error.reasonCode : 'InternalError';
    // Amazon may have done it: the row stays open for the resync (and a retry) to finish.
    const unknown = error instanceof AmazonPayError && isTransientFailure(error);
    await db
      .update(adminOperations)
      .set({ status: unknown ? 'unknown' : 'failed', reasonCode, updatedAt: new Date() })
      .where(eq(adminOperations.id, row.id));
    if (unknown) {
      log.warn(
        {
          context: 'admin-operation',
          kind: spec.kind,
          amazonPay: { operation: error.operation, status: error.status, reasonCode },
        },
        'Amazon Pay did not answer the operation',
      );
      throw new AmazonUnavailableError();
    }
    if (error instanceof AmazonPayError) {
      log.warn(
        {
          context: 'admin-operation',
          kind: spec.kind,
          amazonPay: { operation: error.operation, status: error.status, reasonCode, requestId: error.requestId },
        },
        'Amazon Pay refused the operation',
      );
      throw new AmazonRefusedError(reasonCode);
    }
    throw error;
  }

  await recordSuccess(db, row, amazonObjectId, 'admin', steps.record);
  try {
    await afterSuccess(amazonObjectId);
  } catch (error) {
    // Amazon did it; the IPN or the refresh button records the state if this read failed.
    log.warn({ context: 'admin-operation', kind: spec.kind, ...errorFields(error) }, 'operation done, but re-reading it failed');
  }
  return { operationId: row.id, idempotencyKey: spec.idempotencyKey, amazonObjectId, replayed: false };
}

async function claimOperation(db: Database, spec: OperationSpec): Promise<{ claimed: OperationRow } | { settled: OperationRow }> {
  const [inserted] = await db
    .insert(adminOperations)
    .values({
      idempotencyKey: spec.idempotencyKey,
      orderId: spec.orderId,
      kind: spec.kind,
      request: spec.request,
      actor: spec.actor,
    })
    .onConflictDoNothing({ target: adminOperations.idempotencyKey })
    .returning();
  if (inserted) return { claimed: inserted };

  const deadline = Date.now() + WAIT_FOR_TWIN_MS;
  for (;;) {
    const [existing] = await db
      .select()
      .from(adminOperations)
      .where(eq(adminOperations.idempotencyKey, spec.idempotencyKey))
      .limit(1);
    if (!existing) throw new Error(`admin operation ${spec.idempotencyKey} vanished`);
    if (existing.status === 'succeeded') return { settled: existing };
    const stale = existing.status === 'pending' && Date.now() - existing.updatedAt.getTime() > STALE_PENDING_MS;
    if (existing.status === 'failed' || existing.status === 'unknown' || stale) {
      // A failed (or abandoned) attempt may be tried again with the same key; only one caller wins the row.
      const [reclaimed] = await db
        .update(adminOperations)
        .set({ status: 'pending', reasonCode: null, actor: spec.actor, updatedAt: new Date() })
        .where(and(eq(adminOperations.id, existing.id), eq(adminOperations.status, existing.status), openFor(existing.status)))
        .returning();
      if (reclaimed) return { claimed: reclaimed };
    }
    if (Date.now() > deadline) throw new OperationInProgressError();
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function settledOutcome(row: OperationRow): OperationOutcome {
  return { operationId: row.id, idempotencyKey: row.idempotencyKey, amazonObjectId: row.amazonObjectId, replayed: true };
}

/** Not touched for this long, by the database's clock (timestamps keep microseconds a JS Date drops). */
function untouchedFor(ms: number) {
  return lt(adminOperations.updatedAt, sql`now() - ${`${ms} milliseconds`}::interval`);
}

/** A failed or unknown row may be tried again at once; a pending one only once it was abandoned. */
function openFor(status: string) {
  return status === 'pending' ? untouchedFor(STALE_PENDING_MS) : undefined;
}

async function recordSuccess(
  db: Database,
  row: OperationRow,
  amazonObjectId: string | null,
  actor: 'admin' | 'system',
  record?: (tx: Database) => Promise<void>,
): Promise<void> {
  await db.transaction(async (tx) => {
    await record?.(tx);
    await tx
      .update(adminOperations)
      .set({ status: 'succeeded', reasonCode: null, amazonObjectId, updatedAt: new Date() })
      .where(eq(adminOperations.id, row.id));
    await recordPaymentEvent(tx, {
      orderId: row.orderId,
      type: `admin.${row.kind}`,
      actor,
      amazonObjectId,
      idempotencyKey: row.idempotencyKey,
      detail: row.request as Detail,
    });
  });
}

export interface ResumeResult {
  resumed: number;
  errors: Array<{ subject: string; message: string }>;
}

/**
 * Repeats every operation whose answer never arrived (a crash left it 'pending', or
 * Amazon did not answer: 'unknown') with its stored request and key, and records the
 * result. `olderThanMs` leaves alone the ones a live request may still be finishing.
 */
export async function resumeInterruptedOperations(
  db: Database,
  amazon: AmazonPayClient,
  replays: ReadonlyArray<OperationReplay<Detail>>,
  options: { olderThanMs?: number } = {},
): Promise<ResumeResult> {
  const olderThanMs = options.olderThanMs ?? STALE_PENDING_MS;
  const result: ResumeResult = { resumed: 0, errors: [] };
  const rows = await db
    .select()
    .from(adminOperations)
    .where(
      and(
        or(eq(adminOperations.status, 'pending'), eq(adminOperations.status, 'unknown')),
        inArray(
          adminOperations.kind,
          replays.map((replay) => replay.kind),
        ),
        untouchedFor(olderThanMs),
      ),
    )
    .orderBy(asc(adminOperations.createdAt));
  for (const row of rows) {
    const replay = replays.find((candidate) => candidate.kind === row.kind)!;
    // Only one process resumes a row: the one that moves its timestamp first.
    const [claimed] = await db
      .update(adminOperations)
      .set({ updatedAt: new Date() })
      .where(and(eq(adminOperations.id, row.id), eq(adminOperations.status, row.status), untouchedFor(olderThanMs)))
      .returning();
    if (!claimed) continue;
    const request = replay.request.safeParse(row.request);
    if (!request.success) {
      result.errors.push({ subject: row.idempotencyKey, message: 'stored request does not parse' });
      continue;
    }
    try {
      const { amazonObjectId } = await replay.call(amazon, request.data, row.idempotencyKey);
      await recordSuccess(db, claimed, amazonObjectId, 'system');
      await replay.afterSuccess(db, amazon, request.data, amazonObjectId);
      result.resumed += 1;
    } catch (error) {
      if (error instanceof AmazonPayError && !isTransientFailure(error)) {
        // Amazon refused the repeat outright, so the first request never reached it: the
        // operation simply failed, as if Amazon had refused it then.
        await db
          .update(adminOperations)
          .set({ status: 'failed', reasonCode: error.reasonCode, updatedAt: new Date() })
          .where(eq(adminOperations.id, row.id));
        log.info({ context: 'admin-operation', kind: row.kind, reasonCode: error.reasonCode }, 'interrupted operation refused');
        continue;
      }
      result.errors.push({
        subject: row.idempotencyKey,
        message: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'unknown error',
      });
    }
  }
  return result;
}
