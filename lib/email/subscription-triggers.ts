import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db/connection';
import { adminOperations, emailOutbox, orders, payments } from '@/lib/db/schema';
import { addCalendarMonths, permissionMayBeCharged, planRenewal } from '@/lib/orders/payments/renewal';
import { queueOrderEmail, type MailSettings } from './order-mail';
import { outboxKey } from './outbox';
import type { SubscriptionMailProps } from './templates';

/**
 * The subscription messages: a renewal charged, a renewal whose tries are used up, the
 * subscription cancelled. Each is keyed by its billing period (or by the closing, which
 * happens once), so a job or a notification that runs twice queues it once.
 */

type SubscriptionOrder = typeof orders.$inferSelect & { placedAt: Date };

async function subscriptionOrder(db: Database, orderId: string): Promise<SubscriptionOrder | null> {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order || order.chargePermissionType !== 'Recurring' || !order.placedAt) return null;
  return { ...order, placedAt: order.placedAt };
}

async function subscriptionTerms(
  db: Database,
  order: SubscriptionOrder,
  settings: MailSettings,
  nextChargeAt: Date | null,
): Promise<SubscriptionMailProps | null> {
  const planned = await planRenewal(db, order);
  if ('refusal' in planned) return null;
  return {
    recurringAmount: planned.plan.amount.amount,
    nextChargeAt,
    accountUrl: `${settings.origin}/account`,
    storeUrl: `${settings.origin}/`,
  };
}

const renewalRequestSchema = z.object({ period: z.number().int().min(2) });

/**
 * A renewal's charge is captured (renewals capture at once). Called for the charge's state
 * and for the renewal operation's success, whichever is recorded last, since an IPN may
 * record the charge before the operation knows its id. The checkout's own charge is no renewal.
 */
export async function onRenewalCharged(
  db: Database,
  orderId: string,
  chargeId: string,
  settings: MailSettings,
): Promise<string | null> {
  const [payment] = await db
    .select({ state: payments.state, capturedAmount: payments.capturedAmount })
    .from(payments)
    .where(and(eq(payments.orderId, orderId), eq(payments.chargeId, chargeId)));
  if (payment?.state !== 'Captured') return null;
  const [renewal] = await db
    .select({ request: adminOperations.request })
    .from(adminOperations)
    .where(
      and(
        eq(adminOperations.orderId, orderId),
        eq(adminOperations.kind, 'charge_again'),
        eq(adminOperations.amazonObjectId, chargeId),
      ),
    );
  const request = renewalRequestSchema.safeParse(renewal?.request);
  if (!request.success) return null;
  const { period } = request.data;
  const order = await subscriptionOrder(db, orderId);
  if (!order) return null;
  // Period n + 1 falls due n months after the order was placed (lib/orders/payments/renewal.ts).
  const next = permissionMayBeCharged(order) ? addCalendarMonths(order.placedAt, period) : null;
  const terms = await subscriptionTerms(db, order, settings, next);
  if (!terms) return null;
  const content = { kind: 'subscription_renewed', period, chargedAmount: payment.capturedAmount, ...terms } as const;
  return queueOrderEmail(db, orderId, `period-${period}`, content, settings);
}

/** The subscription's charge permission is closed: by the shopper, the merchant, or at Amazon. */
export async function onSubscriptionClosed(db: Database, orderId: string, settings: MailSettings): Promise<string | null> {
  const order = await subscriptionOrder(db, orderId);
  if (!order) return null;
  const terms = await subscriptionTerms(db, order, settings, null);
  if (!terms) return null;
  return queueOrderEmail(db, orderId, 'closed', { kind: 'subscription_cancelled', ...terms }, settings);
}

async function queued(db: Database, key: string): Promise<boolean> {
  const [row] = await db.select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.idempotencyKey, key));
  return row !== undefined;
}

/**
 * Every try at a period was declined and the renewal job stops: the shopper and the
 * merchant are told, once each for the period however often the job runs after.
 */
export async function queueRenewalStoppedEmails(
  db: Database,
  orderId: string,
  input: { period: number; tries: number },
  settings: MailSettings,
): Promise<Array<string | null>> {
  const audiences = [
    { to: 'shopper', occasion: `period-${input.period}` },
    { to: 'merchant', occasion: `period-${input.period}:merchant` },
  ] as const;
  const pending = [];
  for (const audience of audiences) {
    if (!(await queued(db, outboxKey('subscription_renewal_failed', orderId, audience.occasion)))) pending.push(audience);
  }
  if (pending.length === 0) return [];
  const order = await subscriptionOrder(db, orderId);
  const terms = order && (await subscriptionTerms(db, order, settings, null));
  if (!terms) return [];
  const ids = [];
  for (const { to, occasion } of pending) {
    const content = { kind: 'subscription_renewal_failed', ...input, audience: to, ...terms } as const;
    ids.push(await queueOrderEmail(db, orderId, occasion, content, settings, to));
  }
  return ids;
}
