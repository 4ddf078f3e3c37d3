import type { OrderStatus } from '@/lib/orders/status';

/**
 * Where an order stands for the shopper who placed it. Only an order whose money is held
 * (or was, before a refund) is thanked for; a checkout attempt that Amazon declined or
 * canceled before any money was held is said to be declined, and can be paid again.
 */
export type OrderProgress =
  /** Authorized, paid or (partially) refunded: a sale. */
  | { kind: 'placed' }
  /** The shopper approved on Amazon's pages and Amazon has not said how it ended yet. */
  | { kind: 'confirming' }
  /** The shopper went to Amazon and never came back to complete. */
  | { kind: 'awaiting' }
  /** The attempt ended before money was held; the lines can go back into a cart. */
  | { kind: 'declined'; reasonCode: string | null }
  /** Placed, then canceled (or its payment declined) afterwards: still an order, not a sale to thank for. */
  | { kind: 'closed' };

export interface OrderProgressFacts {
  status: OrderStatus;
  placedAt: Date | null;
  completionRequestedAt: Date | null;
  chargePermissionId: string | null;
  lastReasonCode: string | null;
}

const HELD_STATUSES: ReadonlySet<OrderStatus> = new Set(['authorized', 'paid', 'refunded', 'partially_refunded']);

export function orderProgress(order: OrderProgressFacts): OrderProgress {
  if (HELD_STATUSES.has(order.status)) return { kind: 'placed' };
  if (order.status === 'payment_processing') return { kind: 'confirming' };
  if (order.status === 'pending') {
    return order.completionRequestedAt || order.chargePermissionId ? { kind: 'confirming' } : { kind: 'awaiting' };
  }
  return order.placedAt ? { kind: 'closed' } : { kind: 'declined', reasonCode: order.lastReasonCode };
}

/** Nothing more for the order page to wait for: only a payment being confirmed can change on its own within seconds. */
export function isProgressFinal(progress: OrderProgress): boolean {
  return progress.kind !== 'confirming';
}

/** The order as the shopper's history lists it: placed orders and payments still being confirmed. */
export function isShopperHistoryOrder(progress: OrderProgress): boolean {
  return progress.kind === 'placed' || progress.kind === 'closed' || progress.kind === 'confirming';
}
