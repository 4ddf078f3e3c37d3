import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AmazonPayClient } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import { adminOperations, orderLines, orders, payments } from '@/lib/db/schema';
import { NotFoundError } from '@/lib/errors';
import { currencyCodeSchema, money, type Money } from '@/lib/money';
import { permissionMayBeCharged, planRenewal, type RenewalPlan } from '@/lib/orders/payments/renewal';
import { MAX_RENEWAL_ATTEMPTS, nextRenewalTry } from './renewals';
import {
  cancelSubscription,
  loadSubscriptionOrder,
  subscriptionState,
  SUBSCRIPTION_STATE_LABELS,
  type SubscriptionOrder,
  type SubscriptionState,
} from './shopper';

/**
 * The merchant's view of every subscription: the shopper's states, plus the two a
 * merchant acts on, a renewal Amazon declined (tried again later) and one whose tries are
 * used up (it waits for the shopper to fix the payment method, or for a cancellation).
 */
export type AdminSubscriptionState = SubscriptionState | 'renewal_failing' | 'renewal_stopped';

export const ADMIN_SUBSCRIPTION_STATE_LABELS: Record<AdminSubscriptionState, string> = {
  ...SUBSCRIPTION_STATE_LABELS,
  renewal_failing: 'Renewal failing: Amazon declined the last try; it is tried again',
  renewal_stopped: `Renewal stopped: all ${MAX_RENEWAL_ATTEMPTS} tries were declined`,
};

/** Every renewal is one calendar month after the last (lib/orders/payments/renewal.ts). */
export const SUBSCRIPTION_FREQUENCY = 'Every month';

export interface AdminSubscription {
  number: string;
  createdAt: Date;
  placedAt: Date | null;
  state: AdminSubscriptionState;
  buyerName: string | null;
  buyerEmail: string | null;
  /** The subscription lines' product names. */
  product: string;
  /** What each renewal charges; null when the order has no subscription line left to price. */
  recurringAmount: Money | null;
  frequency: string;
  /** The period the next charge is for, while the subscription runs. */
  nextPeriod: number | null;
  /** When the next charge is made: the due date, or the next try of a declined period. */
  nextChargeAt: Date | null;
  /** Declined tries of the period now due. */
  declinedTries: number;
}

/** One try at charging one billing period. Period 1 is the checkout's own charge. */
export interface SubscriptionCharge {
  period: number;
  /** 0 for the first try of the period, then one more for each try after a decline. */
  attempt: number;
  amount: Money;
  /** Amazon's Charge state once recorded (Captured, Declined, …), or what became of our request. */
  state: string;
  reasonCode: string | null;
  chargeId: string | null;
  /** When the try was made. */
  at: Date;
  /** Who made it: the renewal job ('system'), an admin's email, or the shopper at checkout. */
  actor: string;
}

export interface AdminSubscriptionDetail extends AdminSubscription {
  chargePermissionId: string;
  history: SubscriptionCharge[];
}

function adminState(order: SubscriptionOrder, plan: RenewalPlan | null): AdminSubscriptionState {
  const state = subscriptionState(order);
  if (state !== 'active' || !plan || plan.attempt === 0) return state;
  return plan.attempt >= MAX_RENEWAL_ATTEMPTS ? 'renewal_stopped' : 'renewal_failing';
}

async function summarize(db: Database, order: SubscriptionOrder, product: string): Promise<AdminSubscription> {
  const planned = await planRenewal(db, order);
  const plan = 'plan' in planned ? planned.plan : null;
  const state = adminState(order, plan);
  const runs = plan !== null && permissionMayBeCharged(order) && state !== 'renewal_stopped';
  return {
    number: order.number,
    createdAt: order.createdAt,
    placedAt: order.placedAt,
    state,
    buyerName: order.buyerName,
    buyerEmail: order.buyerEmail,
    product,
    recurringAmount: plan?.amount ?? null,
    frequency: SUBSCRIPTION_FREQUENCY,
    nextPeriod: runs ? plan.period : null,
    nextChargeAt: runs ? nextRenewalTry(plan) : null,
    declinedTries: plan?.attempt ?? 0,
  };
}

async function productNames(db: Database, orderIds: string[]): Promise<Map<string, string>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db
    .select({ orderId: orderLines.orderId, name: orderLines.productName, quantity: orderLines.quantity })
    .from(orderLines)
    .where(and(inArray(orderLines.orderId, orderIds), eq(orderLines.kind, 'subscription')))
    .orderBy(asc(orderLines.productName));
  const names = new Map<string, string[]>();
  for (const row of rows) {
    const list = names.get(row.orderId) ?? [];
    list.push(row.quantity > 1 ? `${row.name} × ${row.quantity}` : row.name);
    names.set(row.orderId, list);
  }
  return new Map([...names].map(([orderId, list]) => [orderId, list.join(', ')]));
}

/** The most subscriptions one page lists, newest first. */
export const ADMIN_SUBSCRIPTIONS_LIMIT = 200;

/** Every subscription (an order on a recurring charge permission), newest first. */
export async function listAdminSubscriptions(db: Database, limit = ADMIN_SUBSCRIPTIONS_LIMIT): Promise<AdminSubscription[]> {
  const rows = await db
    .select()
    .from(orders)
    .where(and(eq(orders.chargePermissionType, 'Recurring'), isNotNull(orders.chargePermissionId)))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit);
  const products = await productNames(
    db,
    rows.map((row) => row.id),
  );
  return Promise.all(rows.map((row) => summarize(db, row, products.get(row.id) ?? '')));
}

const renewalRequestSchema = z.object({
  period: z.number().int().positive(),
  attempt: z.number().int().min(0),
  amount: z.number().int(),
  currency: currencyCodeSchema,
});

/** What became of a renewal request that has no Charge recorded. */
const REQUEST_STATES: Record<string, string> = {
  failed: 'Refused by Amazon',
  pending: 'Awaiting Amazon',
  unknown: 'No answer from Amazon yet',
  succeeded: 'Sent',
};

async function chargeHistory(db: Database, order: SubscriptionOrder): Promise<SubscriptionCharge[]> {
  const renewals = await db
    .select({ operation: adminOperations, payment: payments })
    .from(adminOperations)
    .leftJoin(payments, eq(payments.chargeId, adminOperations.amazonObjectId))
    .where(and(eq(adminOperations.orderId, order.id), eq(adminOperations.kind, 'charge_again')))
    .orderBy(asc(adminOperations.createdAt));
  const renewalChargeIds = new Set(renewals.map(({ operation }) => operation.amazonObjectId).filter(Boolean));
  const charges = await db.select().from(payments).where(eq(payments.orderId, order.id)).orderBy(asc(payments.createdAt));
  // The checkout's charge: the one completion recorded, else the first that no renewal created.
  const first = charges.find((charge) =>
    order.checkoutChargeId ? charge.chargeId === order.checkoutChargeId : !renewalChargeIds.has(charge.chargeId),
  );
  const history: SubscriptionCharge[] = [];
  if (first) {
    history.push({
      period: 1,
      attempt: 0,
      amount: money(first.authorizedAmount, first.currency),
      state: first.state,
      reasonCode: first.reasonCode,
      chargeId: first.chargeId,
      at: order.placedAt ?? first.createdAt,
      actor: 'shopper',
    });
  }
  for (const { operation, payment } of renewals) {
    const request = renewalRequestSchema.safeParse(operation.request);
    if (!request.success) continue;
    history.push({
      period: request.data.period,
      attempt: request.data.attempt,
      amount: money(request.data.amount, request.data.currency),
      state: payment?.state ?? REQUEST_STATES[operation.status] ?? operation.status,
      reasonCode: payment?.reasonCode ?? operation.reasonCode,
      chargeId: operation.amazonObjectId,
      at: operation.createdAt,
      actor: operation.actor,
    });
  }
  return history;
}

/** One subscription with each period's charges, oldest first. */
export async function loadAdminSubscription(db: Database, number: string): Promise<AdminSubscriptionDetail> {
  const order = await loadSubscriptionOrder(db, number);
  if (!order?.chargePermissionId) throw new NotFoundError(`There is no subscription ${number}.`);
  const products = await productNames(db, [order.id]);
  return {
    ...(await summarize(db, order, products.get(order.id) ?? '')),
    chargePermissionId: order.chargePermissionId,
    history: await chargeHistory(db, order),
  };
}

/** The merchant ends a subscription, as the shopper can: the same closing of its charge permission. */
export async function cancelSubscriptionAsMerchant(
  db: Database,
  amazon: AmazonPayClient,
  input: { number: string; reason: string; actor: string },
): Promise<void> {
  const order = await loadSubscriptionOrder(db, input.number);
  if (!order) throw new NotFoundError(`There is no subscription ${input.number}.`);
  await cancelSubscription(db, amazon, order, { reason: input.reason, actor: input.actor });
}
