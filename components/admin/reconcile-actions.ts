'use server';

import { revalidatePath } from 'next/cache';
import { failure, type ActionResult } from '@/lib/action-result';
import { assertAdmin } from '@/lib/auth';
import { getDb } from '@/lib/db';
import { reconcile } from '@/lib/orders/payments/resync';
import { getAmazonPay } from '@/lib/amazon-pay/server';

export type ReconcileActionResult = ActionResult<{
  ordersChecked: number;
  ordersChanged: number;
  notificationsProcessed: number;
  errorCount: number;
}>;

/** The dashboard's "Reconcile now" button: the same run as `npm run reconcile`. */
export async function runReconciliation(
  _previous: ReconcileActionResult | null,
  _form: FormData,
): Promise<ReconcileActionResult> {
  await assertAdmin();
  let result: Awaited<ReturnType<typeof reconcile>>;
  try {
    result = await reconcile(await getDb(), getAmazonPay(), { trigger: 'admin' });
  } catch (error) {
    return failure(error, 'reconcile');
  }
  revalidatePath('/admin');
  return {
    ok: true,
    ordersChecked: result.ordersChecked,
    ordersChanged: result.changes.length,
    notificationsProcessed: result.notificationsProcessed,
    errorCount: result.errors.length,
  };
}
