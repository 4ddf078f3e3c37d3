import { z } from 'zod';
import { processNotification } from '@/lib/orders/payments/ipn-inbox';
import { defineJob } from './definitions';

export const PROCESS_IPN = 'ipn-process';

/** A recorded notification only says "look again": the worker re-reads Amazon's state. */
export const processIpnJob = defineJob({
  name: PROCESS_IPN,
  title: 'IPN processing',
  description: 'Re-reads the charge, refund or charge permission an Amazon Pay notification names.',
  payload: z.object({ notificationId: z.string().min(1).max(128) }),
  // One active job per NotificationId: an SNS retry never runs beside the first delivery.
  policy: 'singleton',
  // A burst of payments brings a burst of notifications, each an Amazon read or two.
  concurrency: 4,
  retryLimit: 6,
  retryDelay: 10,
  retryBackoff: true,
  expireInSeconds: 5 * 60,
  async run({ notificationId }, { db, amazon }) {
    await processNotification(db, amazon, notificationId);
    return { notificationId, status: 'processed' };
  },
});
