'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { adminAction } from '@/lib/auth/admin-action';
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
export const runResync = adminAction({
  context: 'resync',
  schema: z.object({}),
  amazonPay: 'brief',
  run: async () => {
    const result = await resyncPayments(await getDb(), getAmazonPay(), { trigger: 'admin' });
    revalidatePath('/admin');
    return {
      ordersChecked: result.ordersChecked,
      ordersChanged: result.changes.length,
      notificationsProcessed: result.notificationsProcessed,
      errorCount: result.errors.length,
    };
  },
});
