import { z } from 'zod';
import { renewDueSubscriptions } from '@/lib/subscriptions/renewals';
import { defineJob } from './definitions';

export const SUBSCRIPTION_RENEWALS = 'subscription-renewals';

/** Every hour, charges each subscription whose next billing period has fallen due. */
export function subscriptionRenewalsJob(now: () => Date = () => new Date()) {
  return defineJob({
    name: SUBSCRIPTION_RENEWALS,
    title: 'Subscription renewals',
    description:
      'Every hour, charges each subscription whose next monthly period is due; a declined renewal is tried again later.',
    payload: z.object({ trigger: z.enum(['schedule', 'admin']).default('schedule') }),
    policy: 'singleton',
    retryLimit: 3,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
    cron: '41 * * * *',
    run: async (_payload, { db, amazon }) => ({ ...(await renewDueSubscriptions(db, amazon, now())) }),
  });
}
