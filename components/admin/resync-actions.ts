'use server';

import { revalidatePath } from 'next/cache';
import { failure, type ActionResult } from '@/lib/action-result';
import { assertAdmin } from '@/lib/auth';
import { getDb } from '@/lib/db';
import { resyncPayments } from '@/lib/orders/payments/resync';
import { getAmazonPay } from '@/lib/amazon-pay/server';

export type ResyncActionResult = ActionResult<{
  ordersChecked: number;
  ordersChanged: number;
  notificationsProcessed: number;
  errorCount: number;
}>;

/** The dashboard's "Resync now" button: the same run as `npm run resync`. */
export async function runResync(_previous: ResyncActionResult | null, _form: FormData): Promise<ResyncActionResult> {
  await assertAdmin();
  let result: Awaited<ReturnType<typeof resyncPayments>>;
  try {
    result = await resyncPayments(await getDb(), getAmazonPay(), { trigger: 'admin' });
  } catch (error) {
    return failure(error, 'resync');
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
