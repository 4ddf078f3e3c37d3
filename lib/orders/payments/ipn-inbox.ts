import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { AmazonPayClient } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import { notificationsReceived } from '@/lib/db/schema';
import type { AmazonPayNotification } from '@/lib/amazon-pay/ipn';
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

/** A notification only says "look again": re-read the object from Amazon and record it. */
export async function processNotification(db: Database, amazon: AmazonPayClient, notificationId: string): Promise<void> {
  const [row] = await db.select().from(notificationsReceived).where(eq(notificationsReceived.notificationId, notificationId));
  if (!row || row.status === 'processed') return;
  try {
    switch (row.objectType) {
      case 'CHARGE':
        await syncCharge(db, amazon, row.objectId);
        break;
      case 'REFUND':
        await syncRefund(db, amazon, row.objectId);
        break;
      case 'CHARGE_PERMISSION':
        await syncChargePermission(db, amazon, row.objectId);
        break;
      default:
        // CHARGEBACK and types Amazon adds later: the charge permission holds the effect.
        if (row.chargePermissionId) await syncChargePermission(db, amazon, row.chargePermissionId);
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
