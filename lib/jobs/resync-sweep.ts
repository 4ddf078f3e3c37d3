import { z } from 'zod';
import { resyncPayments } from '@/lib/orders/payments/resync';
import { defineJob } from './definitions';
import { processIpnJob } from './ipn';

export const RESYNC_SWEEP = 'resync-sweep';

/** The scheduled safety net under IPNs: re-reads every order whose payment is not final. */
export function resyncSweepJob(cron: string) {
  return defineJob({
    name: RESYNC_SWEEP,
    title: 'Resync sweep',
    description: 'Re-reads every order whose payment is not final from Amazon Pay, and finishes unprocessed notifications.',
    payload: z.object({ trigger: z.enum(['schedule', 'admin', 'cli']).default('schedule') }),
    policy: 'singleton',
    retryLimit: 3,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
    cron,
    async run({ trigger }, { db, amazon, enqueue }) {
      const result = await resyncPayments(db, amazon, {
        trigger,
        processNotification: async (notificationId) => {
          await enqueue(processIpnJob, { notificationId }, { singletonKey: notificationId });
        },
      });
      return {
        runId: result.runId,
        status: result.errors.length > 0 ? 'partial' : result.status,
        ordersChecked: result.ordersChecked,
        ordersChanged: result.changes.length,
        notificationsProcessed: result.notificationsProcessed,
        operationsResumed: result.operationsResumed,
        errorCount: result.errors.length,
      };
    },
  });
}
