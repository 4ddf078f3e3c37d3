import { eq } from 'drizzle-orm';
import type { AmazonPayClient } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import { orders } from '@/lib/db/schema';
import { recordPaymentEventOnce } from './payments/events';
import { syncChargePermission } from './payments/sync';

/** The payment event a chargeback leaves on its order; the admin order page marks orders that have one. */
export const CHARGEBACK_EVENT = 'chargeback.received';

export interface ChargebackNotice {
  notificationId: string;
  /** Amazon's id of the chargeback (the IPN's ObjectId). */
  chargebackId: string;
  chargePermissionId: string | null;
}

/**
 * A CHARGEBACK IPN (https://developer.amazon.com/docs/amazon-pay-checkout/set-up-instant-payment-notifications.html):
 * the buyer's bank disputes a payment. Amazon offers merchants no chargeback object to
 * GET, so the notice itself is recorded on the order of its charge permission, once per
 * chargeback however often it is redelivered, and the permission is re-read because a
 * dispute can change what may still be charged. False when no order holds the permission.
 */
export async function recordChargeback(db: Database, amazon: AmazonPayClient, notice: ChargebackNotice): Promise<boolean> {
  if (!notice.chargePermissionId) return false;
  const [order] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(eq(orders.chargePermissionId, notice.chargePermissionId))
    .limit(1);
  if (!order) return false;
  await recordPaymentEventOnce(db, {
    orderId: order.id,
    type: CHARGEBACK_EVENT,
    actor: 'amazon',
    amazonObjectId: notice.chargebackId,
    detail: { notificationId: notice.notificationId, chargePermissionId: notice.chargePermissionId },
  });
  await syncChargePermission(db, amazon, notice.chargePermissionId);
  return true;
}
