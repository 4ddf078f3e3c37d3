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
