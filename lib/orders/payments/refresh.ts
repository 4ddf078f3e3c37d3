import { eq, inArray } from 'drizzle-orm';
import type { AmazonPayClient } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import { payments, refunds } from '@/lib/db/schema';
import { loadOrder } from './operation-context';
import { syncCharge, syncChargePermission, syncRefund } from './sync';

/**
 * Re-reads the order's permission, charges and refunds from Amazon and records them,
 * for when an IPN was missed. Amazon has no "list charges" call, so it refreshes the
 * objects we know of.
 */
export async function refreshOrderFromAmazon(
  db: Database,
  amazon: AmazonPayClient,
  orderNumber: string,
): Promise<{ charges: number; refunds: number }> {
  const order = await loadOrder(db, orderNumber);
  if (order.chargePermissionId) await syncChargePermission(db, amazon, order.chargePermissionId, 'admin');
  const charges = await db
    .select({ id: payments.id, chargeId: payments.chargeId })
    .from(payments)
    .where(eq(payments.orderId, order.id));
  const refundRows = charges.length
    ? await db
        .select({ refundId: refunds.refundId })
        .from(refunds)
        .where(
          inArray(
            refunds.paymentId,
            charges.map((charge) => charge.id),
          ),
        )
    : [];
  for (const refund of refundRows) await syncRefund(db, amazon, refund.refundId, 'admin');
  for (const charge of charges) await syncCharge(db, amazon, charge.chargeId, 'admin');
  return { charges: charges.length, refunds: refundRows.length };
}
