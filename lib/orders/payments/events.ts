import { and, eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { paymentEvents } from '@/lib/db/schema';
import { queueEmailsFor } from '@/lib/email';

export interface PaymentEventInput {
  orderId: string | null;
  type: string;
  actor: 'shopper' | 'admin' | 'amazon' | 'system';
  amazonObjectId?: string | null;
  idempotencyKey?: string | null;
  /** Ids, states, amounts and reason codes only: never addresses, names or card data. */
  detail?: Record<string, string | number | boolean | null>;
}

/** Appends to the payment event log (append-only by trigger; see migration 0001). */
export async function recordPaymentEvent(db: Database, event: PaymentEventInput): Promise<void> {
  await db.insert(paymentEvents).values({
    orderId: event.orderId,
    type: event.type,
    actor: event.actor,
    amazonObjectId: event.amazonObjectId ?? null,
    idempotencyKey: event.idempotencyKey ?? null,
    detail: event.detail ?? {},
  });
  await queueEmailsFor(db, event);
}

/**
 * Appends the event unless the order already holds one of its type for the same Amazon
 * object, so a repeated notification or return is recorded once. Callers that race hold a
 * lock on the order around it. Answers whether it was appended.
 */
export async function recordPaymentEventOnce(
  db: Database,
  event: PaymentEventInput & { orderId: string; amazonObjectId: string },
): Promise<boolean> {
  const [seen] = await db
    .select({ id: paymentEvents.id })
    .from(paymentEvents)
    .where(
      and(
        eq(paymentEvents.orderId, event.orderId),
        eq(paymentEvents.type, event.type),
        eq(paymentEvents.amazonObjectId, event.amazonObjectId),
      ),
    )
    .limit(1);
  if (seen) return false;
  await recordPaymentEvent(db, event);
  return true;
}
