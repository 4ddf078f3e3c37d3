import { and, asc, eq, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { AmazonPayClient } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import { orders, payments, resyncRuns, refunds } from '@/lib/db/schema';
import { processNotification, unprocessedNotificationIds } from './ipn-inbox';
import { cancelReplay, captureReplay, refundReplay } from './charges';
import { finishOrder } from './finish';
import { resumeInterruptedOperations, type OperationReplay } from './operation-ledger';
import { chargeAgainReplay } from './permission';
import { errorFields, log } from '@/lib/log';

/**
 * The safety net under IPNs: Amazon may fail to deliver one, or we may crash after
 * recording it. Re-reading every order whose payment can still move repairs both,
 * because the sync functions write absolute values read from Amazon.
 */

export type ResyncTrigger = 'cli' | 'admin' | 'schedule';

export interface OrderChange {
  number: string;
  before: OrderSnapshot;
  after: OrderSnapshot;
}

export interface OrderSnapshot {
  status: string;
  paymentState: string;
  chargePermissionState: string | null;
}

export interface ResyncOptions {
  trigger: ResyncTrigger;
  /** Decides which Open checkout sessions have expired; tests pass the emulator's clock. */
  now?: Date;
  /**
   * Hands an unprocessed notification on; the job runner's IPN queue, so the sweep never
   * works one beside its own job. Processed in this run when absent.
   */
  processNotification?: (notificationId: string) => Promise<void>;
  /** Admin operations whose answer is unknown are repeated once untouched this long (2 minutes by default). */
  operationGraceMs?: number;
}

export interface ResyncResult {
  runId: string;
  status: 'succeeded' | 'failed';
  ordersChecked: number;
  changes: OrderChange[];
  notificationsProcessed: number;
  /** Admin operations whose lost answer this run repeated and recorded. */
  operationsResumed: number;
  /** Order numbers or notification ids that could not be re-read, with the reason. */
  errors: Array<{ subject: string; message: string }>;
}

const BATCH = 200;
// An IPN younger than this may still be in the hands of the route that received it.
export const NOTIFICATION_GRACE_MS = 60_000;

/**
 * Orders that are not final, whatever they have or lack: a checkout that never came
 * back, a completion whose answer was lost, a payment still moving, a refund in flight.
 */
function unsettledCondition() {
  const initiatedRefund = sql`exists (select 1 from ${payments} join ${refunds} on ${refunds.paymentId} = ${payments.id}
    where ${payments.orderId} = ${orders.id} and ${refunds.state} = 'RefundInitiated')`;
  return or(
    inArray(orders.status, ['pending', 'payment_processing', 'authorized']),
    initiatedRefund,
    // Its charge permission was never read (its notification lost): Amazon's state is not ours yet.
    and(isNotNull(orders.chargePermissionId), isNull(orders.chargePermissionState)),
  );
}

const snapshot = (row: typeof orders.$inferSelect): OrderSnapshot => ({
  status: row.status,
  paymentState: row.paymentState,
  chargePermissionState: row.chargePermissionState,
});

/** The admin operations that move money, each repeatable from its stored request. */
const ADMIN_OPERATION_REPLAYS = [captureReplay, refundReplay, cancelReplay, chargeAgainReplay] as unknown as ReadonlyArray<
  OperationReplay<Record<string, string | number | boolean | null>>
>;

const messageOf = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'unknown error';

export async function resyncPayments(db: Database, amazon: AmazonPayClient, options: ResyncOptions): Promise<ResyncResult> {
  const [run] = await db.insert(resyncRuns).values({ trigger: options.trigger }).returning({ id: resyncRuns.id });
  if (!run) throw new Error('could not record the resync run');
  try {
    return await resyncRun(db, amazon, run.id, options);
  } catch (error) {
    // The database itself failed mid-run: leave a finished, failed row rather than one 'running' forever.
    await db
      .update(resyncRuns)
      .set({ status: 'failed', summary: { errors: [{ subject: 'run', message: messageOf(error) }] }, finishedAt: new Date() })
      .where(eq(resyncRuns.id, run.id))
      .catch((recordError: unknown) =>
        log.error({ context: 'resync', ...errorFields(recordError) }, 'could not record the failure'),
      );
    throw error;
  }
}

async function resyncRun(db: Database, amazon: AmazonPayClient, runId: string, options: ResyncOptions): Promise<ResyncResult> {
  const now = options.now ?? new Date();
  const handOn = options.processNotification ?? ((id: string) => processNotification(db, amazon, id));
  const changes: OrderChange[] = [];
  const errors: ResyncResult['errors'] = [];
  let ordersChecked = 0;
  let notificationsProcessed = 0;

  // First the merchant's operations whose answer was lost: what Amazon did joins our books.
  const resumed = await resumeInterruptedOperations(db, amazon, ADMIN_OPERATION_REPLAYS, {
    olderThanMs: options.operationGraceMs,
  });
  errors.push(...resumed.errors);

  // Walk by id so orders that settle during the run are not skipped or read twice.
  let lastId: string | undefined;
  for (;;) {
    const batch = await db
      .select()
      .from(orders)
      .where(and(unsettledCondition(), lastId ? gt(orders.id, lastId) : undefined))
      .orderBy(asc(orders.id))
      .limit(BATCH);
    for (const order of batch) {
      ordersChecked += 1;
      try {
        await finishOrder(db, amazon, order.id, { now });
        const [after] = await db.select().from(orders).where(eq(orders.id, order.id));
        if (after && JSON.stringify(snapshot(after)) !== JSON.stringify(snapshot(order))) {
          changes.push({ number: order.number, before: snapshot(order), after: snapshot(after) });
        }
      } catch (error) {
        log.warn({ context: 'resync', order: order.number, ...errorFields(error) }, 'order could not be re-read');
        errors.push({ subject: order.number, message: messageOf(error) });
      }
    }
    lastId = batch.at(-1)?.id;
    if (batch.length < BATCH) break;
  }

  for (const notificationId of await unprocessedNotificationIds(db, new Date(now.getTime() - NOTIFICATION_GRACE_MS))) {
    try {
      await handOn(notificationId);
      notificationsProcessed += 1;
    } catch (error) {
      log.warn({ context: 'resync', notificationId, ...errorFields(error) }, 'notification could not be processed');
      errors.push({ subject: notificationId, message: messageOf(error) });
    }
  }

  const status = errors.length > 0 ? 'failed' : 'succeeded';
  await db
    .update(resyncRuns)
    .set({
      status,
      ordersChecked,
      ordersChanged: changes.length,
      notificationsProcessed,
      summary: { changes, errors },
      finishedAt: new Date(),
    })
    .where(eq(resyncRuns.id, runId));
  return { runId, status, ordersChecked, changes, notificationsProcessed, operationsResumed: resumed.resumed, errors };
}
