import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { AmazonPayClient } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import { notificationsReceived, orders } from '@/lib/db/schema';
import type { AmazonPayNotification } from '@/lib/amazon-pay/ipn';
import { recordChargeback } from '@/lib/orders/chargebacks';
import { finishOrder } from './finish';
import { syncCharge, syncChargePermission, syncRefund } from './sync';

/**
 * Records an IPN before it is acknowledged. Returns false for a NotificationId we have
 * already processed (a replay or an SNS retry), which needs no further work.
 */
export async function recordNotification(db: Database, messageId: string, message: AmazonPayNotification): Promise<boolean> {
  await db
    .insert(notificationsReceived)
    .values({
      notificationId: message.NotificationId,
      messageId,
      objectType: message.ObjectType,
      objectId: message.ObjectId,
      chargePermissionId: message.ChargePermissionId ?? null,
    })
    .onConflictDoNothing({ target: notificationsReceived.notificationId });
  const [row] = await db
    .select()
    .from(notificationsReceived)
    .where(eq(notificationsReceived.notificationId, message.NotificationId));
  return row?.status !== 'processed';
}

/**
 * How often a notification is tried before it waits for a person (the IPN job's
 * retries plus its first run); the admin's retry of the failed job tries it again.
 */
export const NOTIFICATION_MAX_ATTEMPTS = 7;

/** The notification names an object no order of ours holds (yet): it stays unprocessed and is retried. */
export class UnmatchedNotificationError extends Error {
  override readonly name = 'UnmatchedNotificationError';
}

type NotificationRow = typeof notificationsReceived.$inferSelect;

/** Re-reads the object the notification names and records it; false if no order holds it. */
async function syncNamedObject(db: Database, amazon: AmazonPayClient, row: NotificationRow): Promise<boolean> {
  switch (row.objectType) {
    case 'CHARGE':
      return (await syncCharge(db, amazon, row.objectId)) !== null;
    case 'REFUND':
      return (await syncRefund(db, amazon, row.objectId)) !== null;
    case 'CHARGE_PERMISSION':
      return (await syncChargePermission(db, amazon, row.objectId)) > 0;
    case 'CHARGEBACK':
      return recordChargeback(db, amazon, {
        notificationId: row.notificationId,
        chargebackId: row.objectId,
        chargePermissionId: row.chargePermissionId,
      });
    default:
      // Types Amazon adds later: the charge permission holds the effect.
      return row.chargePermissionId ? (await syncChargePermission(db, amazon, row.chargePermissionId)) > 0 : false;
  }
}

/**
 * The order a notification belongs to when we never recorded its charge permission (the
 * completion's answer was lost): Amazon's merchantReferenceId, which we set to our order
 * number at checkout, read back from Amazon, never taken from the message.
 */
async function orderReferencedByAmazon(db: Database, amazon: AmazonPayClient, row: NotificationRow): Promise<string | null> {
  const chargePermissionId =
    row.chargePermissionId ?? (row.objectType === 'CHARGE' ? (await amazon.getCharge(row.objectId)).chargePermissionId : null);
  if (!chargePermissionId) return null;
  const permission = await amazon.getChargePermission(chargePermissionId);
  const reference = permission.merchantMetadata?.merchantReferenceId;
  if (!reference) return null;
  const [order] = await db.select({ id: orders.id }).from(orders).where(eq(orders.number, reference)).limit(1);
  return order?.id ?? null;
}

/**
 * A notification only says "look again": re-read the object from Amazon and record it.
 * One that no order holds, even after finishing the order Amazon's reference names,
 * stays unprocessed and throws, so its job is retried and in the end shows as failed.
 */
export async function processNotification(db: Database, amazon: AmazonPayClient, notificationId: string): Promise<void> {
  const [row] = await db.select().from(notificationsReceived).where(eq(notificationsReceived.notificationId, notificationId));
  if (!row || row.status === 'processed') return;
  try {
    if (!(await syncNamedObject(db, amazon, row))) {
      const orderId = await orderReferencedByAmazon(db, amazon, row);
      if (orderId) await finishOrder(db, amazon, orderId, { actor: 'amazon' });
      if (!orderId || !(await syncNamedObject(db, amazon, row))) {
        throw new UnmatchedNotificationError(`no order holds ${row.objectType} ${row.objectId}`);
      }
    }
    await db
      .update(notificationsReceived)
      .set({
        status: 'processed',
        processedAt: new Date(),
        attempts: sql`${notificationsReceived.attempts} + 1`,
        lastError: null,
      })
      .where(eq(notificationsReceived.notificationId, notificationId));
  } catch (error) {
    await db
      .update(notificationsReceived)
      .set({
        attempts: sql`${notificationsReceived.attempts} + 1`,
        // After its last try it waits for a person; the sweep no longer picks it up.
        status: sql`case when ${notificationsReceived.attempts} + 1 >= ${NOTIFICATION_MAX_ATTEMPTS} then 'unmatched' else ${notificationsReceived.status} end`,
        lastError: error instanceof Error ? error.message.slice(0, 500) : 'unknown',
      })
      .where(eq(notificationsReceived.notificationId, notificationId));
    throw error;
  }
}

/** Notifications recorded but not processed (a crash, or Amazon briefly unreachable). */
export async function unprocessedNotificationIds(db: Database, olderThan: Date, limit = 500): Promise<string[]> {
  const rows = await db
    .select({ id: notificationsReceived.notificationId })
    .from(notificationsReceived)
    .where(and(eq(notificationsReceived.status, 'received'), lt(notificationsReceived.receivedAt, olderThan)))
    .orderBy(asc(notificationsReceived.receivedAt))
    .limit(limit);
  return rows.map((row) => row.id);
}
