import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { orders, payments, refunds } from '@/lib/db/schema';
import { isCurrencyCode } from '@/lib/money';
import type { BookOrder } from './reconcile';
import { log } from '@/lib/log';

/**
 * Our side of a settlement reconciliation: every capture and completed refund
 * whose time falls in [start, end), the settlement period of the file
 * (SettlementStartDate/EndDate, https://developer.amazon.com/docs/amazon-pay-reports/settlement-reports.html). The
 * tables keep no capture time,
 * so it is read from the payment event log (the first `charge.state` event with
 * state Captured, lib/orders/sync.ts), falling back to the payment's last update;
 * a refund's time likewise from its first `refund.state` Refunded event.
 */
export interface BooksPeriod {
  readonly start: Date;
  readonly end: Date;
}

const capturedAt = sql<Date>`coalesce((select min(pe.created_at) from payment_events pe where pe.type = 'charge.state' and pe.amazon_object_id = ${payments.chargeId} and pe.detail->>'state' = 'Captured'), ${payments.updatedAt})`;
const refundedAt = sql<Date>`coalesce((select min(pe.created_at) from payment_events pe where pe.type = 'refund.state' and pe.amazon_object_id = ${refunds.refundId} and pe.detail->>'state' = 'Refunded'), ${refunds.updatedAt})`;

const inPeriod = (column: typeof capturedAt, period: BooksPeriod) =>
  sql`${column} >= ${period.start.toISOString()}::timestamptz and ${column} < ${period.end.toISOString()}::timestamptz`;

interface Draft {
  orderNumber: string;
  chargeId: string | null;
  chargePermissionId: string;
  currency: string;
  capturedAmount: number;
  refunds: { refundId: string; amount: number }[];
}

export async function loadSettlementBooks(db: Database, period: BooksPeriod): Promise<BookOrder[]> {
  const captures = await db
    .select({
      paymentId: payments.id,
      orderNumber: orders.number,
      chargeId: payments.chargeId,
      chargePermissionId: payments.chargePermissionId,
      currency: payments.currency,
      capturedAmount: payments.capturedAmount,
    })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(and(gt(payments.capturedAmount, 0), inPeriod(capturedAt, period)));
  const refunded = await db
    .select({
      paymentId: payments.id,
      orderNumber: orders.number,
      chargePermissionId: payments.chargePermissionId,
      currency: refunds.currency,
      refundId: refunds.refundId,
      amount: refunds.amount,
    })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(and(eq(refunds.state, 'Refunded'), inPeriod(refundedAt, period)));

  // One book entry per charge: a refund of a charge captured before the period comes without its capture.
  const byPayment = new Map<string, Draft>();
  for (const row of captures) {
    byPayment.set(row.paymentId, {
      orderNumber: row.orderNumber,
      chargeId: row.chargeId,
      chargePermissionId: row.chargePermissionId,
      currency: row.currency,
      capturedAmount: row.capturedAmount,
      refunds: [],
    });
  }
  for (const row of refunded) {
    const draft = byPayment.get(row.paymentId) ?? {
      orderNumber: row.orderNumber,
      chargeId: null,
      chargePermissionId: row.chargePermissionId,
      currency: row.currency,
      capturedAmount: 0,
      refunds: [],
    };
    draft.refunds.push({ refundId: row.refundId, amount: row.amount });
    byPayment.set(row.paymentId, draft);
  }
  const books: BookOrder[] = [];
  for (const draft of byPayment.values()) {
    if (!isCurrencyCode(draft.currency)) {
      log.warn({ context: 'books', order: draft.orderNumber, currency: draft.currency }, 'unsupported currency; order left out');
      continue;
    }
    books.push({
      orderNumber: draft.orderNumber,
      chargeId: draft.chargeId,
      chargePermissionId: draft.chargePermissionId,
      refundIds: draft.refunds.map((refund) => refund.refundId),
      currency: draft.currency,
      capturedAmount: draft.capturedAmount,
      refunds: draft.refunds,
    });
  }
  return books.sort((a, b) => a.orderNumber.localeCompare(b.orderNumber));
}

/** The settlement period from the file's preamble, or the report's own period when the preamble lacks it. */
export function settlementPeriod(
  metadata: Readonly<Record<string, string>>,
  fallback: { start: Date | null; end: Date | null },
): BooksPeriod | null {
  const read = (value: string | undefined) => {
    if (!value) return null;
    // 2015-05-18T14:37:01-0700 (Amazon's settlement report format): Date.parse wants the offset with a colon.
    const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    return Number.isNaN(ms) ? null : new Date(ms);
  };
  const start = read(metadata['SettlementStartDate']) ?? fallback.start;
  const end = read(metadata['SettlementEndDate']) ?? fallback.end;
  return start && end ? { start, end } : null;
}
