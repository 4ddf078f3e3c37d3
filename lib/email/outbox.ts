import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { emailOutbox, orders } from '@/lib/db/schema';
import { errorFields, log } from '@/lib/log';
import type { EmailKind, EmailStatus } from './kinds';

export interface OutboxMessage {
  kind: EmailKind;
  orderId: string;
  /** What makes this message one of its kind for the order: 'placed', a refund id, a tracking number. */
  occasion: string;
  recipient: string;
  subject: string;
  html: string;
  text: string;
}

export type OutboxRow = typeof emailOutbox.$inferSelect;

/** Puts the send job in the same transaction as the outbox row, so it runs only once the row is committed. */
export type OutboxDispatcher = (db: Database, outboxId: string) => Promise<void>;

// Next.js dev reloads modules; the job runner registers itself once per process.
const globalForOutbox = globalThis as typeof globalThis & { __outboxDispatcher?: OutboxDispatcher };

export function setOutboxDispatcher(dispatcher: OutboxDispatcher | undefined): void {
  globalForOutbox.__outboxDispatcher = dispatcher;
}

export function outboxKey(kind: EmailKind, orderId: string, occasion: string): string {
  return `${kind}:${orderId}:${occasion}`;
}

/**
 * Writes a message to the outbox, once per (kind, order, occasion): a second call with the
 * same occasion is a no-op and returns null. Call it inside the transaction that records
 * the fact the message tells of.
 */
export async function queueEmail(db: Database, message: OutboxMessage): Promise<string | null> {
  const [inserted] = await db
    .insert(emailOutbox)
    .values({ ...message, idempotencyKey: outboxKey(message.kind, message.orderId, message.occasion) })
    .onConflictDoNothing({ target: emailOutbox.idempotencyKey })
    .returning({ id: emailOutbox.id });
  if (!inserted) return null;
  log.info({ context: 'email', outboxId: inserted.id, kind: message.kind, orderId: message.orderId }, 'email queued');
  await dispatch(db, inserted.id);
  return inserted.id;
}

async function dispatch(db: Database, outboxId: string): Promise<void> {
  const dispatcher = globalForOutbox.__outboxDispatcher;
  if (!dispatcher) return;
  try {
    // A savepoint: a queue that refuses the job must not undo the payment fact around it.
    await db.transaction((savepoint) => dispatcher(savepoint, outboxId));
  } catch (error) {
    log.warn({ context: 'email', outboxId, ...errorFields(error) }, 'send job not queued; the outbox sweep sends the message');
  }
}

/** Anything shaped like nodemailer's transporter. */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    html: string;
    text: string;
    headers: Record<string, string>;
  }): Promise<{ messageId?: string }>;
}

/** The first attempt and the send job's retries (lib/jobs/email.ts). */
export const MAX_DELIVERY_ATTEMPTS = 6;

/** The SMTP server did not take the message; the job retries it. */
export class EmailDeliveryError extends Error {
  override readonly name = 'EmailDeliveryError';
}

/** SMTP replies often quote the recipient; the outbox and the logs keep ids, not addresses. */
function withoutAddresses(message: string): string {
  return message.replace(/[^\s<>()"',;:]+@[^\s<>()"',;:]+/g, '[address]').slice(0, 500);
}

export interface DeliveryResult {
  outboxId: string;
  status: EmailStatus | 'missing';
  [field: string]: string | number | boolean | null;
}

/**
 * Sends one queued message. Without a transport (no SMTP_URL) it is kept offline. A message
 * that is not queued (sent, failed, offline, or not committed yet) is left alone, so a repeated
 * job never sends twice.
 */
export async function deliverQueuedEmail(
  db: Database,
  outboxId: string,
  transport: MailTransport | null,
  from: string,
): Promise<DeliveryResult> {
  const queued = and(eq(emailOutbox.id, outboxId), eq(emailOutbox.status, 'queued'));
  if (!transport) {
    const [kept] = await db
      .update(emailOutbox)
      .set({ status: 'offline', updatedAt: new Date() })
      .where(queued)
      .returning({ id: emailOutbox.id });
    if (kept) return { outboxId, status: 'offline' };
    return currentStatus(db, outboxId);
  }
  const [claimed] = await db
    .update(emailOutbox)
    .set({ attempts: sql`${emailOutbox.attempts} + 1`, updatedAt: new Date() })
    .where(queued)
    .returning();
  if (!claimed) return currentStatus(db, outboxId);
  try {
    const info = await transport.sendMail({
      from,
      to: claimed.recipient,
      subject: claimed.subject,
      html: claimed.html,
      text: claimed.text,
      headers: { 'X-Outbox-Id': claimed.id },
    });
    await db
      .update(emailOutbox)
      .set({ status: 'sent', sentAt: new Date(), messageId: info.messageId ?? null, lastError: null, updatedAt: new Date() })
      .where(eq(emailOutbox.id, outboxId));
    log.info({ context: 'email', outboxId, kind: claimed.kind, attempts: claimed.attempts }, 'email sent');
    return { outboxId, status: 'sent', attempts: claimed.attempts };
  } catch (error) {
    const lastError = withoutAddresses(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    const status: EmailStatus = claimed.attempts >= MAX_DELIVERY_ATTEMPTS ? 'failed' : 'queued';
    await db.update(emailOutbox).set({ status, lastError, updatedAt: new Date() }).where(eq(emailOutbox.id, outboxId));
    log.warn({ context: 'email', outboxId, kind: claimed.kind, attempts: claimed.attempts, status }, 'email not delivered');
    throw new EmailDeliveryError(`outbox ${outboxId}: ${lastError}`);
  }
}

async function currentStatus(db: Database, outboxId: string): Promise<DeliveryResult> {
  const [row] = await db.select({ status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.id, outboxId));
  return { outboxId, status: row?.status ?? 'missing' };
}

/**
 * Queued messages untouched for a while: their send job was lost (a crash between commit
 * and the queue, or a queue that refused it), so the sweep queues them again.
 */
export async function queuedEmailsDue(db: Database, olderThanMs = 60_000): Promise<string[]> {
  const rows = await db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      and(eq(emailOutbox.status, 'queued'), lt(emailOutbox.updatedAt, sql`now() - ${`${olderThanMs} milliseconds`}::interval`)),
    )
    .orderBy(emailOutbox.createdAt)
    .limit(500);
  return rows.map((row) => row.id);
}

export type OutboxListItem = Pick<
  OutboxRow,
  'id' | 'kind' | 'recipient' | 'subject' | 'status' | 'attempts' | 'lastError' | 'createdAt' | 'sentAt'
> & { orderNumber: string | null };

/** The newest messages first, for the admin outbox. */
export async function listOutbox(db: Database, limit = 100): Promise<OutboxListItem[]> {
  return db
    .select({
      id: emailOutbox.id,
      kind: emailOutbox.kind,
      orderNumber: orders.number,
      recipient: emailOutbox.recipient,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .leftJoin(orders, eq(orders.id, emailOutbox.orderId))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(limit);
}

export async function loadOutboxMessage(db: Database, id: string): Promise<(OutboxRow & { orderNumber: string | null }) | null> {
  const [row] = await db
    .select()
    .from(emailOutbox)
    .leftJoin(orders, eq(orders.id, emailOutbox.orderId))
    .where(eq(emailOutbox.id, id));
  return row ? { ...row.email_outbox, orderNumber: row.orders?.number ?? null } : null;
}
