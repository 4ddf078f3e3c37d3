import { and, count, eq, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { emailOutbox, paymentEvents } from '@/lib/db/schema';
import type { PaymentEventInput } from '@/lib/orders/payments/events';
import { queueOrderEmail, type MailSettings } from './order-mail';
import { outboxKey } from './outbox';
import { onRenewalCharged, onSubscriptionClosed } from './subscription-triggers';

export { mailOrigin, type MailSettings } from './order-mail';

async function hasMessage(db: Database, key: string): Promise<boolean> {
  const [row] = await db.select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.idempotencyKey, key));
  return row !== undefined;
}

/** How often the order's status has become `status`, by the payment event log. */
async function timesStatusBecame(db: Database, orderId: string, status: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(paymentEvents)
    .where(
      and(
        eq(paymentEvents.orderId, orderId),
        eq(paymentEvents.type, 'order.status_changed'),
        sql`${paymentEvents.detail}->>'status' = ${status}`,
      ),
    );
  return row?.n ?? 0;
}

const PLACED = 'placed';

async function onStatusChanged(db: Database, orderId: string, status: unknown, settings: MailSettings) {
  const confirmationKey = outboxKey('order_confirmation', orderId, PLACED);
  switch (status) {
    case 'payment_processing':
      // Amazon is still authorizing (https://developer.amazon.com/docs/amazon-pay-checkout/asynchronous-authorization.html):
      // the order is placed, and the shopper hears so now, and again when the payment settles.
      return queueOrderEmail(db, orderId, PLACED, { kind: 'order_confirmation', paymentPending: true }, settings);
    case 'authorized':
    case 'paid': {
      if (!(await hasMessage(db, confirmationKey))) {
        return queueOrderEmail(db, orderId, PLACED, { kind: 'order_confirmation', paymentPending: false }, settings);
      }
      if ((await timesStatusBecame(db, orderId, 'payment_processing')) === 0) return null;
      return queueOrderEmail(db, orderId, PLACED, { kind: 'payment_confirmed' }, settings);
    }
    case 'declined': {
      // A decline while the shopper is still at checkout is shown there; a mail goes only
      // to a shopper who was told the order was placed.
      if (!(await hasMessage(db, confirmationKey))) return null;
      const declines = await timesStatusBecame(db, orderId, 'declined');
      return queueOrderEmail(db, orderId, `decline-${declines}`, { kind: 'payment_declined' }, settings);
    }
    default:
      return null;
  }
}

/**
 * The messages a payment event calls for, written to the outbox in the caller's transaction:
 * the order placed or its payment confirmed, a decline after checkout, a refund Amazon has
 * made, a tracking number added, a subscription renewed or cancelled. Each is keyed by its occasion, so recording the same fact
 * again queues nothing.
 */
export async function queueEmailsForPaymentEvent(
  db: Database,
  event: PaymentEventInput,
  settings: MailSettings,
): Promise<string | null> {
  const { orderId, detail = {} } = event;
  if (!orderId) return null;
  switch (event.type) {
    case 'order.status_changed':
      return onStatusChanged(db, orderId, detail.status, settings);
    case 'refund.state':
      if (detail.state !== 'Refunded' || !event.amazonObjectId || typeof detail.amount !== 'number') return null;
      return queueOrderEmail(db, orderId, event.amazonObjectId, { kind: 'refund_issued', refundAmount: detail.amount }, settings);
    case 'charge.state':
    case 'admin.charge_again':
      return event.amazonObjectId ? onRenewalCharged(db, orderId, event.amazonObjectId, settings) : null;
    case 'charge_permission.state':
      return detail.state === 'Closed' ? onSubscriptionClosed(db, orderId, settings) : null;
    case 'admin.delivery_tracking': {
      const { carrierCode, trackingNumber } = detail;
      if (typeof carrierCode !== 'string' || typeof trackingNumber !== 'string') return null;
      const content = { kind: 'order_shipped', carrierCode, trackingNumber } as const;
      return queueOrderEmail(db, orderId, `${carrierCode}:${trackingNumber}`, content, settings);
    }
    default:
      return null;
  }
}
