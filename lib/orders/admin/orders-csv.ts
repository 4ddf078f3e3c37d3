import type { orders } from '@/lib/db/schema';
import { toDecimalString } from '@/lib/money';
import { csvLine, numericCell } from '@/lib/reports/csv-writer';

/** The order export's columns; cells go through the shared CSV writer (quoting, formula guard). */
const COLUMNS = [
  'number',
  'created_at',
  'status',
  'payment_state',
  'fulfilment',
  'buyer_name',
  'buyer_email',
  'currency',
  'subtotal',
  'shipping',
  'tax',
  'total',
  'checkout_session_id',
  'charge_permission_id',
] as const;

export function orderCsvHeader(): string {
  return csvLine(COLUMNS);
}

export function orderCsvLine(row: typeof orders.$inferSelect): string {
  // Amounts as decimal strings in the row's currency, so 1999 USD reads 19.99 and 1500 JPY reads 1500.
  const amount = (minor: number) => numericCell(toDecimalString({ amount: minor, currency: row.currency }));
  return csvLine([
    row.number,
    row.createdAt.toISOString(),
    row.status,
    row.paymentState,
    row.fulfilment,
    row.buyerName,
    row.buyerEmail,
    row.currency,
    amount(row.subtotalAmount),
    amount(row.shippingAmount),
    amount(row.taxAmount),
    amount(row.totalAmount),
    row.checkoutSessionId,
    row.chargePermissionId,
  ]);
}
