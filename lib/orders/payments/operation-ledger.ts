import { and, eq } from 'drizzle-orm';
import { AmazonPayError } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import { adminOperations } from '@/lib/db/schema';
import { recordPaymentEvent } from './events';
import { AmazonRefusedError, OperationInProgressError } from './operation-errors';
import { errorFields, log } from '@/lib/log';

/**
 * The admin_operations row is written before Amazon is called, keyed by the idempotency
 * key we send. A twin request (double click, second tab, retry) finds the row: it waits
 * for the first to finish and returns the same answer, so Amazon is called once.
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
    await db
      .update(adminOperations)
      .set({ status: 'failed', reasonCode, updatedAt: new Date() })
      .where(eq(adminOperations.id, row.id));
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

  await db.transaction(async (tx) => {
    await tx
      .update(adminOperations)
      .set({ status: 'succeeded', reasonCode: null, amazonObjectId, updatedAt: new Date() })
      .where(eq(adminOperations.id, row.id));
    await recordPaymentEvent(tx, {
      orderId: spec.orderId,
      type: `admin.${spec.kind}`,
      actor: 'admin',
      amazonObjectId,
      idempotencyKey: spec.idempotencyKey,
      detail: spec.request,
    });
  });
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
    if (existing.status === 'failed' || stale) {
      // A failed (or abandoned) attempt may be tried again with the same key; only one caller wins the row.
      const [reclaimed] = await db
        .update(adminOperations)
        .set({ status: 'pending', reasonCode: null, actor: spec.actor, updatedAt: new Date() })
        .where(
          and(
            eq(adminOperations.id, existing.id),
            eq(adminOperations.status, existing.status),
            eq(adminOperations.updatedAt, existing.updatedAt),
          ),
        )
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
