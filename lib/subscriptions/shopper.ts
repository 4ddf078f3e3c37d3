import { and, desc, eq, or, type SQL } from 'drizzle-orm';
import type { AmazonPayClient } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import { orders } from '@/lib/db/schema';
import { NotFoundError } from '@/lib/errors';
import { closeChargePermission } from '@/lib/orders/payments/permission';
import { nextRenewal, type NextRenewal } from '@/lib/orders/payments/renewal';
import { canViewOrder, type OrderViewer } from '@/lib/orders/shopper/queries';

export type SubscriptionState = 'active' | 'cancelled' | 'paused' | 'starting';

export const SUBSCRIPTION_STATE_LABELS: Record<SubscriptionState, string> = {
  active: 'Active',
  cancelled: 'Cancelled',
  paused: 'Paused: Amazon cannot charge the payment method',
  starting: 'Starting: the first payment is being confirmed',
};

export interface SubscriptionSummary {
  number: string;
  createdAt: Date;
  state: SubscriptionState;
  /** The next renewal while the subscription runs. */
  next: NextRenewal | null;
}

export type SubscriptionOrder = typeof orders.$inferSelect;

export function subscriptionState(order: Pick<SubscriptionOrder, 'placedAt' | 'chargePermissionState'>): SubscriptionState {
  if (order.chargePermissionState === 'Closed') return 'cancelled';
  if (order.chargePermissionState === 'NonChargeable') return 'paused';
  return order.placedAt ? 'active' : 'starting';
}

export async function summarizeSubscription(db: Database, order: SubscriptionOrder): Promise<SubscriptionSummary> {
  return {
    number: order.number,
    createdAt: order.createdAt,
    state: subscriptionState(order),
    next: await nextRenewal(db, order),
  };
}

function ownedBy(viewer: OrderViewer): SQL | undefined {
  const owners = [
    viewer.shopperTokenHash ? eq(orders.browserTokenHash, viewer.shopperTokenHash) : undefined,
    viewer.buyerId ? eq(orders.buyerId, viewer.buyerId) : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);
  return owners.length > 0 ? or(...owners) : undefined;
}

/** The viewer's subscriptions (their browser's, or their Amazon account's), newest first. */
export async function listSubscriptionsFor(db: Database, viewer: OrderViewer): Promise<SubscriptionSummary[]> {
  const owner = ownedBy(viewer);
  if (!owner) return [];
  const rows = await db
    .select()
    .from(orders)
    .where(and(eq(orders.chargePermissionType, 'Recurring'), owner))
    .orderBy(desc(orders.createdAt))
    .limit(50);
  return Promise.all(rows.filter((row) => row.chargePermissionId).map((row) => summarizeSubscription(db, row)));
}

/** A subscription order by its number: an order on a recurring charge permission, or null. */
export async function loadSubscriptionOrder(db: Database, number: string): Promise<SubscriptionOrder | null> {
  const [order] = await db.select().from(orders).where(eq(orders.number, number)).limit(1);
  return order && order.chargePermissionType === 'Recurring' && order.chargePermissionId ? order : null;
}

/**
 * Ends a subscription: its charge permission is closed at Amazon with the reason, so no
 * renewal can be charged again (https://developer.amazon.com/docs/amazon-pay-api-v2/charge-permission.html).
 * Charges already made stay as they are; a refund is a separate decision.
 */
export async function cancelSubscription(
  db: Database,
  amazon: AmazonPayClient,
  order: Pick<SubscriptionOrder, 'number'>,
  input: { reason: string; actor: string },
): Promise<void> {
  await closeChargePermission(db, amazon, {
    orderNumber: order.number,
    reason: input.reason,
    cancelPendingCharges: false,
    actor: input.actor,
  });
}

/** The shopper ends their subscription. Someone else's order looks exactly like no order. */
export async function cancelSubscriptionFor(
  db: Database,
  amazon: AmazonPayClient,
  viewer: OrderViewer,
  input: { number: string; reason: string },
): Promise<void> {
  const order = await loadSubscriptionOrder(db, input.number);
  if (!order || !canViewOrder(order, viewer)) throw new NotFoundError('We could not find that subscription.');
  await cancelSubscription(db, amazon, order, { reason: input.reason, actor: 'shopper' });
}
