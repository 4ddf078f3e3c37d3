import { and, eq, isNotNull, isNull, or } from 'drizzle-orm';
import type { AmazonPayClient } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import { orders } from '@/lib/db/schema';
import { queueRenewalStoppedEmailsFor } from '@/lib/email';
import { errorFields, log } from '@/lib/log';
import { chargeAgain } from '@/lib/orders/payments/permission';
import { planRenewal, type RenewalPlan } from '@/lib/orders/payments/renewal';

/** Tries per billing period: the first charge and this many minus one after declines. */
export const MAX_RENEWAL_ATTEMPTS = 3;
/**
 * The n-th retry of a declined period waits until n times this after the due date, so the
 * hourly runs give the buyer a day to fix the card instead of spending every try in three hours.
 */
export const RENEWAL_RETRY_HOURS = 24;

/** When a period may be tried next: its due date, then a day later for each declined try. */
export function nextRenewalTry(plan: Pick<RenewalPlan, 'dueAt' | 'attempt'>): Date {
  return new Date(plan.dueAt.getTime() + plan.attempt * RENEWAL_RETRY_HOURS * 3_600_000);
}

export interface RenewalRunResult {
  subscriptions: number;
  charged: number;
  failed: number;
  /** Periods whose tries are used up; they wait for the merchant or the shopper, both told by e-mail. */
  givenUp: number;
}

/** Subscriptions whose charge permission may still be charged (its state is null until Amazon reports one). */
function renewableOrders(db: Database) {
  return db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.chargePermissionType, 'Recurring'),
        isNotNull(orders.chargePermissionId),
        isNotNull(orders.placedAt),
        or(isNull(orders.chargePermissionState), eq(orders.chargePermissionState, 'Chargeable')),
      ),
    );
}

/**
 * Charges every subscription whose next period is due. chargeAgain keys each charge by
 * permission, period and attempt, so two workers or two runs at once charge a period once;
 * a declined period is tried again on a later run, a bounded number of times.
 */
export async function renewDueSubscriptions(db: Database, amazon: AmazonPayClient, now: Date): Promise<RenewalRunResult> {
  const result: RenewalRunResult = { subscriptions: 0, charged: 0, failed: 0, givenUp: 0 };
  for (const order of await renewableOrders(db)) {
    result.subscriptions += 1;
    const planned = await planRenewal(db, order);
    if ('refusal' in planned || planned.plan.dueAt > now) continue;
    const { plan } = planned;
    if (plan.attempt >= MAX_RENEWAL_ATTEMPTS) {
      result.givenUp += 1;
      // Keyed by period in the outbox: every later run finds the messages written and sends nothing.
      await queueRenewalStoppedEmailsFor(db, order.id, { period: plan.period, tries: plan.attempt });
      continue;
    }
    if (now < nextRenewalTry(plan)) continue;
    try {
      await chargeAgain(db, amazon, { orderNumber: order.number, actor: 'system' }, now);
      result.charged += 1;
    } catch (error) {
      result.failed += 1;
      log.warn(
        {
          context: 'subscription-renewals',
          orderNumber: order.number,
          period: plan.period,
          attempt: plan.attempt,
          ...errorFields(error),
        },
        'subscription renewal not charged',
      );
    }
  }
  return result;
}
