import 'server-only';
import { loadOrCreateAuthSecret } from '@/lib/auth/secret';
import { getConfig } from '@/lib/config';
import type { Database } from '@/lib/db/connection';
import { log } from '@/lib/log';
import { downloadSigningKeyFrom } from '@/lib/downloads/token';
import type { PaymentEventInput } from '@/lib/orders/payments/events';
import { mailTransportFor } from './mailer';
import { deliverQueuedEmail, type DeliveryResult } from './outbox';
import { queueRenewalStoppedEmails } from './subscription-triggers';
import { mailOrigin, queueEmailsForPaymentEvent, type MailSettings } from './triggers';

export { EMAIL_KIND_LABELS, EMAIL_STATUS_LABELS, type EmailKind, type EmailStatus } from './kinds';
export {
  listOutbox,
  loadOutboxMessage,
  queuedEmailsDue,
  setOutboxDispatcher,
  MAX_DELIVERY_ATTEMPTS,
  type OutboxDispatcher,
  type OutboxListItem,
  type OutboxRow,
} from './outbox';

/** The payment events that may call for a message (see queueEmailsForPaymentEvent). */
const MAILED_EVENTS: ReadonlySet<string> = new Set([
  'order.status_changed',
  'refund.state',
  'admin.delivery_tracking',
  'charge.state',
  'admin.charge_again',
  'charge_permission.state',
]);

async function mailSettings(db: Database): Promise<MailSettings> {
  const { store, email, auth } = getConfig();
  // The secret kept in the database when AUTH_SECRET is unset, read in the caller's transaction,
  // so a message's links are signed as the download route will check them (lib/auth/options.ts).
  const serverSecret = auth.secret ?? (await loadOrCreateAuthSecret(db));
  return {
    storeName: store.name,
    origin: mailOrigin(store.appUrl),
    merchantEmail: email.merchant,
    downloadSigningKey: downloadSigningKeyFrom(serverSecret),
  };
}

/**
 * Queues the messages a payment event calls for, in the transaction recording it. Inside a
 * savepoint: a message that cannot be written is logged, and never undoes the payment fact.
 */
export async function queueEmailsFor(db: Database, event: PaymentEventInput): Promise<void> {
  if (!event.orderId || !MAILED_EVENTS.has(event.type)) return;
  try {
    await db.transaction(async (savepoint) => queueEmailsForPaymentEvent(savepoint, event, await mailSettings(savepoint)));
  } catch (error) {
    // The error's name only: a failed query's message quotes its parameters, the address among them.
    const errorName = error instanceof Error ? error.name : 'unknown';
    log.error({ context: 'email', orderId: event.orderId, event: event.type, errorName }, 'email not queued');
  }
}

/**
 * Tells the shopper and the merchant that a subscription's renewal tries are used up, once
 * per period. A message that cannot be written is logged; the next run of the job tries again.
 */
export async function queueRenewalStoppedEmailsFor(
  db: Database,
  orderId: string,
  input: { period: number; tries: number },
): Promise<void> {
  try {
    await db.transaction(async (tx) => queueRenewalStoppedEmails(tx, orderId, input, await mailSettings(tx)));
  } catch (error) {
    const errorName = error instanceof Error ? error.name : 'unknown';
    log.error({ context: 'email', orderId, event: 'subscription.renewal_stopped', errorName }, 'email not queued');
  }
}

/** Sends one outbox message over SMTP_URL, or keeps it offline without one. */
export function deliverEmail(db: Database, outboxId: string): Promise<DeliveryResult> {
  const { email } = getConfig();
  return deliverQueuedEmail(db, outboxId, mailTransportFor(email.smtpUrl), email.from);
}
