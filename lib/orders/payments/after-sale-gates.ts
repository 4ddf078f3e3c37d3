import type { OrderRow } from './operation-context';

/**
 * Which after-sale operations make sense for an order, from our stored state. The admin page
 * offers an operation only when its refusal is null, and the operation itself refuses with
 * the same words, so a stale page or a hand-made request gets the same answer.
 */

export type GateFacts = Pick<OrderRow, 'placedAt' | 'status' | 'chargePermissionState'>;

function endedRefusal(order: GateFacts, nothingTo: string): string | null {
  if (order.status === 'declined') return `The payment for this order was declined, so there is nothing to ${nothingTo}.`;
  if (order.status === 'canceled') return `This order was canceled, so there is nothing to ${nothingTo}.`;
  if (!order.placedAt) return `This is a checkout attempt that never became an order, so there is nothing to ${nothingTo}.`;
  return null;
}

/**
 * Tracking (and marking delivered). A closed charge permission does not stop it: a OneTime
 * permission closes itself once the order total is captured, which is when goods usually ship
 * (https://developer.amazon.com/docs/amazon-pay-api-v2/charge-permission.html).
 */
export function trackingRefusal(order: GateFacts): string | null {
  return endedRefusal(order, 'ship');
}

export function closeRefusal(order: GateFacts): string | null {
  if (order.chargePermissionState === 'Closed') return 'This charge permission is closed already.';
  return endedRefusal(order, 'close');
}
