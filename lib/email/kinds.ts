/** The messages the store sends about an order or a subscription, one template each. */
export const EMAIL_KINDS = [
  'order_confirmation',
  'payment_confirmed',
  'payment_declined',
  'refund_issued',
  'order_shipped',
  'subscription_renewed',
  'subscription_renewal_failed',
  'subscription_cancelled',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/**
 * queued: waiting for (or between) delivery attempts; sent: the SMTP server accepted it;
 * failed: every attempt was refused; offline: no SMTP server is configured, so it is kept here only.
 */
export const EMAIL_STATUSES = ['queued', 'sent', 'failed', 'offline'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export const EMAIL_KIND_LABELS: Record<EmailKind, string> = {
  order_confirmation: 'Order confirmation',
  payment_confirmed: 'Payment confirmed',
  payment_declined: 'Payment declined',
  refund_issued: 'Refund issued',
  order_shipped: 'Order shipped',
  subscription_renewed: 'Subscription renewed',
  subscription_renewal_failed: 'Subscription renewal failed',
  subscription_cancelled: 'Subscription cancelled',
};

export const EMAIL_STATUS_LABELS: Record<EmailStatus, string> = {
  queued: 'Queued',
  sent: 'Sent',
  failed: 'Failed',
  offline: 'Kept offline',
};
