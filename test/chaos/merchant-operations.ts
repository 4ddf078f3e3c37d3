import { and, asc, eq, inArray, isNotNull, notExists, sql } from 'drizzle-orm';
import { adminOperations, orders, payments, refunds } from '@/lib/db/schema';
import { money, toDecimalString } from '@/lib/money';
import { cancelCharge, captureCharge, refundCharge } from '@/lib/orders/payments/charges';
import { OperationRefusedError } from '@/lib/orders/payments/operation-errors';
import { chargeAgain } from '@/lib/orders/payments/permission';
import { noteUnexpected, underChaos, type ChaosContext, type Settled } from './context';

/**
 * Test-only: the merchant's side of a chaos run. The merchant acts on what the admin
 * pages show, i.e. our rows, and may double-click.
 */

const ACTOR = 'merchant@shop.test';

export interface PaymentOnPage {
  number: string;
  chargeId: string;
  authorizedAmount: number;
  capturedAmount: number;
  refundable: number;
  refundsSeen: number;
}

/**
 * A crashed operation leaves its row pending for minutes, and a retry with the same key
 * waits for it (15 s, then OperationInProgressError); the merchant sees it in progress
 * and leaves that order alone.
 */
const noOperationInProgress = () =>
  notExists(
    sql`(select 1 from ${adminOperations} where ${adminOperations.orderId} = ${orders.id} and ${adminOperations.status} = 'pending')`,
  );

/**
 * Payments in the given states as the admin page shows them, in a stable order (order
 * number, then when the charge was recorded). What is left to refund counts every
 * refund that was not declined, as the refund form does.
 */
export async function paymentsIn(ctx: ChaosContext, states: readonly string[]): Promise<PaymentOnPage[]> {
  const committed = sql<number>`(select coalesce(sum(${refunds.amount}), 0)::int from ${refunds}
    where ${refunds.paymentId} = ${payments.id} and ${refunds.state} <> 'Declined')`;
  const seen = sql<number>`(select count(*)::int from ${refunds} where ${refunds.paymentId} = ${payments.id})`;
  const rows = await ctx.db
    .select({
      number: orders.number,
      chargeId: payments.chargeId,
      authorizedAmount: payments.authorizedAmount,
      capturedAmount: payments.capturedAmount,
      committed,
      refundsSeen: seen,
    })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(and(inArray(payments.state, [...states]), noOperationInProgress()))
    .orderBy(asc(orders.number), asc(payments.createdAt), asc(payments.chargeId));
  return rows.map(({ committed: done, ...row }) => ({
    ...row,
    refundable: row.capturedAmount - Number(done),
    refundsSeen: Number(row.refundsSeen),
  }));
}

const decimal = (amount: number) => toDecimalString(money(amount, 'USD'));
const twins = (ctx: ChaosContext) => (ctx.prng.chance(0.15) ? 2 : 1);

export async function capture(ctx: ChaosContext, payment: PaymentOnPage): Promise<string> {
  const { prng } = ctx;
  const amount = prng.chance(0.6) ? payment.authorizedAmount : prng.int(1, payment.authorizedAmount);
  const input = { orderNumber: payment.number, chargeId: payment.chargeId, amount: decimal(amount), actor: ACTOR };
  const results = await underChaos(ctx, `capture ${payment.chargeId}`, twins(ctx), (process) =>
    captureCharge(process.db, process.amazon, input),
  );
  return summary(ctx, `capture ${payment.chargeId} ${input.amount}`, results);
}

export async function cancel(ctx: ChaosContext, payment: PaymentOnPage): Promise<string> {
  const input = { orderNumber: payment.number, chargeId: payment.chargeId, reason: 'Out of stock', actor: ACTOR };
  const results = await underChaos(ctx, `cancel ${payment.chargeId}`, twins(ctx), (process) =>
    cancelCharge(process.db, process.amazon, input),
  );
  return summary(ctx, `cancel ${payment.chargeId}`, results);
}

/** Captured payments with something left to refund. */
export async function refundable(ctx: ChaosContext): Promise<PaymentOnPage[]> {
  return (await paymentsIn(ctx, ['Captured'])).filter((payment) => payment.refundable > 0);
}

export async function refund(ctx: ChaosContext, payment: PaymentOnPage): Promise<string> {
  const { prng } = ctx;
  const amount = prng.chance(0.4) ? payment.refundable : prng.int(1, payment.refundable);
  const input = {
    orderNumber: payment.number,
    chargeId: payment.chargeId,
    amount: decimal(amount),
    refundsSeen: payment.refundsSeen,
    actor: ACTOR,
  };
  const results = await underChaos(ctx, `refund ${payment.chargeId}`, twins(ctx), (process) =>
    refundCharge(process.db, process.amazon, input),
  );
  return summary(ctx, `refund ${payment.chargeId} ${input.amount}`, results);
}

export interface Subscription {
  number: string;
  chargePermissionId: string;
  placedAt: Date;
}

export async function subscriptions(ctx: ChaosContext): Promise<Subscription[]> {
  const rows = await ctx.db
    .select({ number: orders.number, chargePermissionId: orders.chargePermissionId, placedAt: orders.placedAt })
    .from(orders)
    .where(
      and(
        eq(orders.chargePermissionType, 'Recurring'),
        isNotNull(orders.chargePermissionId),
        isNotNull(orders.placedAt),
        noOperationInProgress(),
      ),
    )
    .orderBy(asc(orders.number));
  return rows.flatMap((row) =>
    row.chargePermissionId && row.placedAt
      ? [{ number: row.number, chargePermissionId: row.chargePermissionId, placedAt: row.placedAt }]
      : [],
  );
}

/** A month-end placed_at rolls into the next month, so a day's margin keeps "now" inside period n. */
export function periodStart(placedAt: Date, period: number): Date {
  const at = new Date(placedAt);
  at.setUTCMonth(at.getUTCMonth() + period);
  return new Date(at.getTime() + 24 * 60 * 60 * 1000);
}

/**
 * The renewal job for period n: due once now >= placed_at + n months. A refusal is a
 * legitimate answer; after an unclear failure the job retries the same period or moves on.
 */
export async function renew(ctx: ChaosContext, subscription: Subscription): Promise<string> {
  const { model, prng } = ctx;
  const period = model.nextPeriod.get(subscription.number) ?? 1;
  const periods = model.renewalPeriods.get(subscription.chargePermissionId) ?? new Set<number>();
  periods.add(period);
  model.renewalPeriods.set(subscription.chargePermissionId, periods);
  const now = periodStart(subscription.placedAt, period);
  const results = await underChaos(ctx, `renew ${subscription.number}`, twins(ctx), (process) =>
    chargeAgain(process.db, process.amazon, { orderNumber: subscription.number, actor: ACTOR }, now),
  );
  const answered = results.some((result) => result.ok || result.error instanceof OperationRefusedError);
  if (answered || prng.chance(0.5)) model.nextPeriod.set(subscription.number, period + 1);
  return summary(ctx, `renew ${subscription.number} period ${period}`, results);
}

function summary(ctx: ChaosContext, label: string, results: ReadonlyArray<Settled<unknown>>): string {
  noteUnexpected(ctx, label, results);
  const outcome = (result: Settled<unknown>) =>
    result.ok ? 'ok' : result.error instanceof Error ? result.error.name : String(result.error);
  return `${label}: ${results.map(outcome).join(', ')}`;
}
