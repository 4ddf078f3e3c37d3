import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { renewalTotals, type PricedLine } from '@/lib/checkout/pricing';
import type { Database } from '@/lib/db/connection';
import { adminOperations, orderLines, payments } from '@/lib/db/schema';
import { money, type Money } from '@/lib/money';
import type { OrderRow } from './operation-context';
import { operationKey } from './operation-keys';

/**
 * A subscription's billing periods. The checkout's own charge is period 1; period n + 1
 * falls due n calendar months after the order was placed (the first time money was held).
 * Which periods are charged is read from what we hold: the renewal operations and the
 * state of the charges they created.
 */

export type RenewalOrder = Pick<
  OrderRow,
  | 'id'
  | 'number'
  | 'currency'
  | 'placedAt'
  | 'chargePermissionId'
  | 'chargePermissionType'
  | 'chargePermissionState'
  | 'shippingAddress'
  | 'shippingMethod'
>;

export interface NextRenewal {
  period: number;
  /** The start (UTC) of the day the period falls due; it may be charged from then on. */
  dueAt: Date;
  amount: Money;
}

export interface RenewalPlan extends NextRenewal {
  /** How many earlier tries for this period Amazon declined; part of the idempotency key. */
  attempt: number;
  idempotencyKey: string;
  products: string;
}

/** One earlier renewal operation and, once recorded, the state of the charge it created. */
export interface RenewalAttempt {
  period: number | null;
  status: string;
  reasonCode: string | null;
  chargeState: string | null;
}

/**
 * Amazon answered these without creating a Charge, and it stores the answer under the
 * idempotency key and replays it for that key
 * (https://developer.amazon.com/docs/amazon-pay-api-v2/idempotency.html), so only a new key
 * can try again. Any other failure (no answer, a server fault, an unreadable answer) may
 * have created a Charge: the retry keeps the key, and Amazon replays what it did.
 */
const DECLINED_WITHOUT_CHARGE: ReadonlySet<string> = new Set([
  'SoftDeclined',
  'HardDeclined',
  'AmazonRejected',
  'TransactionTimedOut',
  'Declined',
  'PaymentMethodNotAllowed',
  'TransactionAmountExceeded',
  'InvalidChargePermissionStatus',
]);

const ENDED_CHARGE_STATES: ReadonlySet<string> = new Set(['Declined', 'Canceled']);

/** Months after the anchor, on the anchor's day of the month or that month's last day, at 00:00 UTC. */
export function addCalendarMonths(anchor: Date, months: number): Date {
  const year = anchor.getUTCFullYear();
  const month = anchor.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(anchor.getUTCDate(), lastDay)));
}

/** A due date in words, e.g. "February 28, 2026"; the day is the UTC one the rule counts in. */
export function dueDateInWords(date: Date): string {
  return date.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/**
 * The period the next renewal charges and which try for it this is. Every renewal whose
 * charge is alive (or not recorded yet, so perhaps alive) used up a period. A try ended by
 * a decline, synchronous or later, leaves its period open and moves to the next attempt,
 * so the merchant's next press sends a new idempotency key instead of having Amazon replay
 * the decline. A try still in flight or failed without an answer counts as neither: the
 * next press derives the same key, so a double click or a retry can never charge twice.
 */
export function renewalCursor(history: readonly RenewalAttempt[]): { period: number; attempt: number } {
  const ended = (row: RenewalAttempt) =>
    (row.status === 'succeeded' && row.chargeState !== null && ENDED_CHARGE_STATES.has(row.chargeState)) ||
    (row.status === 'failed' && row.reasonCode !== null && DECLINED_WITHOUT_CHARGE.has(row.reasonCode));
  const charged = history.filter((row) => row.status === 'succeeded' && !ended(row)).length;
  const period = 2 + charged;
  const attempt = history.filter((row) => row.period === period && ended(row)).length;
  return { period, attempt };
}

const renewalRequestSchema = z.object({ period: z.number().int().positive() });
const destinationSchema = z.object({ countryCode: z.string().min(1) });

async function renewalHistory(db: Database, orderId: string): Promise<RenewalAttempt[]> {
  const rows = await db
    .select({
      request: adminOperations.request,
      status: adminOperations.status,
      reasonCode: adminOperations.reasonCode,
      chargeState: payments.state,
    })
    .from(adminOperations)
    .leftJoin(payments, eq(payments.chargeId, adminOperations.amazonObjectId))
    .where(and(eq(adminOperations.orderId, orderId), eq(adminOperations.kind, 'charge_again')));
  return rows.map(({ request, ...row }) => {
    const parsed = renewalRequestSchema.safeParse(request);
    return { ...row, period: parsed.success ? parsed.data.period : null };
  });
}

export function permissionMayBeCharged(order: Pick<RenewalOrder, 'chargePermissionState'>): boolean {
  return order.chargePermissionState === null || order.chargePermissionState === 'Chargeable';
}

/** The next renewal of a subscription order, or the reason in words why it has none. */
export async function planRenewal(db: Database, order: RenewalOrder): Promise<{ plan: RenewalPlan } | { refusal: string }> {
  if (order.chargePermissionType !== 'Recurring' || !order.chargePermissionId)
    return { refusal: 'Only a subscription (recurring charge permission) can be charged again.' };
  const lines = await db
    .select()
    .from(orderLines)
    .where(and(eq(orderLines.orderId, order.id), eq(orderLines.kind, 'subscription')));
  const priced: PricedLine[] = lines.map((line) => ({
    kind: line.kind,
    unitPrice: money(line.unitPriceAmount, order.currency),
    quantity: line.quantity,
  }));
  const destination = destinationSchema.safeParse(order.shippingAddress);
  const totals = renewalTotals(priced, order.currency, {
    ...(destination.success && { countryCode: destination.data.countryCode }),
    ...(order.shippingMethod && { method: order.shippingMethod }),
  });
  if (!totals) return { refusal: 'This order has no subscription line to renew.' };
  if (!order.placedAt) return { refusal: 'The first charge of this subscription has not been authorized yet.' };
  const { period, attempt } = renewalCursor(await renewalHistory(db, order.id));
  return {
    plan: {
      period,
      attempt,
      dueAt: addCalendarMonths(order.placedAt, period - 1),
      amount: totals.total,
      idempotencyKey: operationKey('renew', order.chargePermissionId, period, attempt),
      products: lines.map((line) => line.productSlug).join(','),
    },
  };
}

/**
 * What the next renewal will charge and from when: for the admin order page and for an
 * automatic renewal job. Null when the order is no subscription or its charge permission
 * is known not to be chargeable (its state is recorded once Amazon reports it).
 */
export async function nextRenewal(db: Database, order: RenewalOrder): Promise<NextRenewal | null> {
  if (!permissionMayBeCharged(order)) return null;
  const planned = await planRenewal(db, order);
  if ('refusal' in planned) return null;
  const { period, dueAt, amount } = planned.plan;
  return { period, dueAt, amount };
}
