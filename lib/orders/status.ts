import type { Charge } from '@/lib/amazon-pay';

/**
 * What the shopper and the merchant see, derived from Amazon's charge state
 * (https://developer.amazon.com/docs/amazon-pay-api-v2/charge.html). Amazon's state is the truth; this is only its label.
 */
export type OrderStatus =
  'pending' | 'payment_processing' | 'authorized' | 'paid' | 'canceled' | 'declined' | 'refunded' | 'partially_refunded';

/** 'none' until checkout completes, then the checkout session's state ('Completed', 'Canceled'), then its latest Charge's. */
export type PaymentState = 'none' | 'Completed' | Charge['statusDetails']['state'];

export function orderStatusForCharge(chargeState: string | null | undefined): OrderStatus {
  switch (chargeState) {
    case 'AuthorizationInitiated':
      return 'payment_processing';
    case 'Authorized':
    case 'CaptureInitiated':
      return 'authorized';
    case 'Captured':
      return 'paid';
    case 'Declined':
      return 'declined';
    case 'Canceled':
      return 'canceled';
    default:
      return 'pending';
  }
}

const ENDED: ReadonlySet<OrderStatus> = new Set(['declined', 'canceled']);

/**
 * The order's label from all its charges. A subscription holds several, and the order is
 * paid only once every charge still alive (not declined or canceled) is captured: one still
 * only authorized keeps it authorized, one still awaiting authorization keeps it processing.
 */
export function orderStatusFromPayments(
  rows: ReadonlyArray<{ state: string; capturedAmount: number; refundedAmount: number }>,
): OrderStatus {
  if (rows.length === 0) return 'pending';
  const captured = rows.reduce((sum, row) => sum + row.capturedAmount, 0);
  const refunded = rows.reduce((sum, row) => sum + row.refundedAmount, 0);
  if (captured > 0 && refunded >= captured) return 'refunded';
  if (refunded > 0) return 'partially_refunded';
  const statuses = rows.map((row) => orderStatusForCharge(row.state));
  const live = statuses.filter((status) => !ENDED.has(status));
  if (live.length === 0) return statuses.includes('declined') ? 'declined' : 'canceled';
  if (live.every((status) => status === 'paid')) return 'paid';
  if (live.includes('authorized')) return 'authorized';
  if (live.includes('payment_processing')) return 'payment_processing';
  return 'pending';
}

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending: 'Awaiting payment',
  payment_processing: 'Payment processing',
  authorized: 'Payment authorized',
  paid: 'Paid',
  canceled: 'Canceled',
  declined: 'Payment declined',
  refunded: 'Refunded',
  partially_refunded: 'Partially refunded',
};

/** A label lookup that takes any string, because views carry statuses as JSON text; an unknown one shows as itself. */
export function labelLookup(labels: Readonly<Record<string, string>>): (status: string) => string {
  return (status) => (Object.hasOwn(labels, status) ? labels[status]! : status);
}

export const orderStatusLabel = labelLookup(ORDER_STATUS_LABELS);
