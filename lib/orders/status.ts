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

const LABEL_BY_STATUS: Readonly<Record<string, string>> = ORDER_STATUS_LABELS;

/** Takes any string because views carry the status as JSON text; an unknown one shows as itself. */
export function orderStatusLabel(status: string): string {
  return LABEL_BY_STATUS[status] ?? status;
}
