import { asc, inArray, sql } from 'drizzle-orm';
import type { ShippingAddress } from '@/lib/checkout/types';
import type { Database } from '@/lib/db/connection';
import { orderLines, type orders, payments } from '@/lib/db/schema';
import { toDecimalString, type CurrencyCode } from '@/lib/money';
import { csvLine, numericCell } from '@/lib/reports/csv-writer';

/** The order export's columns; cells go through the shared CSV writer (quoting, formula guard). */
const COLUMNS = [
  'number',
  'created_at',
  'status',
  'payment_state',
  'fulfilment',
  'fulfilment_status',
  'shipping_carrier',
  'tracking_number',
  'buyer_name',
  'buyer_email',
  'currency',
  'subtotal',
  'shipping',
  'tax',
  'total',
  'refunded',
  'items',
  'ship_name',
  'ship_address',
  'ship_city',
  'ship_state',
  'ship_postal_code',
  'ship_country',
  'checkout_session_id',
  'charge_permission_id',
] as const;

type OrderRow = typeof orders.$inferSelect;

export interface CsvLineItem {
  name: string;
  quantity: number;
  unitPriceAmount: number;
  lineTotalAmount: number;
}

/** What the export adds to each order from its lines and charges. */
export interface OrderCsvExtras {
  lines: CsvLineItem[];
  /** What Amazon refunded across the order's charges, in minor units. */
  refundedAmount: number;
}

const NO_EXTRAS: OrderCsvExtras = { lines: [], refundedAmount: 0 };

export function orderCsvHeader(): string {
  return csvLine(COLUMNS);
}

/** Minor units as the decimal the order's currency writes, so 1999 USD reads 19.99 and 1500 JPY reads 1500. */
const decimal = (minor: number, currency: CurrencyCode) => toDecimalString({ amount: minor, currency });

/** The lines in one cell, e.g. "2 × Enamel camp mug @ 22.00 = 44.00; 1 × Walnut desk organizer @ 48.00 = 48.00". */
function itemsCell(lines: CsvLineItem[], currency: CurrencyCode): string {
  return lines
    .map(
      (line) =>
        `${line.quantity} × ${line.name} @ ${decimal(line.unitPriceAmount, currency)} = ${decimal(line.lineTotalAmount, currency)}`,
    )
    .join('; ');
}

function shippingAddressOf(value: unknown): Partial<ShippingAddress> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Partial<ShippingAddress>) : {};
}

export function orderCsvLine(row: OrderRow, extras: OrderCsvExtras = NO_EXTRAS): string {
  const amount = (minor: number) => numericCell(decimal(minor, row.currency));
  const address = shippingAddressOf(row.shippingAddress);
  return csvLine([
    row.number,
    row.createdAt.toISOString(),
    row.status,
    row.paymentState,
    row.fulfilment,
    row.fulfilmentStatus,
    row.shippingCarrier,
    row.trackingNumber,
    row.buyerName,
    row.buyerEmail,
    row.currency,
    amount(row.subtotalAmount),
    amount(row.shippingAmount),
    amount(row.taxAmount),
    amount(row.totalAmount),
    amount(extras.refundedAmount),
    itemsCell(extras.lines, row.currency),
    address.name,
    Array.isArray(address.lines) ? address.lines.filter((line) => typeof line === 'string').join(', ') : undefined,
    address.city,
    address.stateOrRegion,
    address.postalCode,
    address.countryCode,
    row.checkoutSessionId,
    row.chargePermissionId,
  ]);
}

/** Lines and refunded amounts of a batch of orders, in two queries for the whole batch. */
export async function loadOrderCsvExtras(db: Database, orderIds: string[]): Promise<Map<string, OrderCsvExtras>> {
  const extras = new Map<string, OrderCsvExtras>();
  if (orderIds.length === 0) return extras;
  const [lines, refunded] = await Promise.all([
    db
      .select({
        orderId: orderLines.orderId,
        name: orderLines.productName,
        quantity: orderLines.quantity,
        unitPriceAmount: orderLines.unitPriceAmount,
        lineTotalAmount: orderLines.lineTotalAmount,
      })
      .from(orderLines)
      .where(inArray(orderLines.orderId, orderIds))
      .orderBy(asc(orderLines.orderId), asc(orderLines.productName), asc(orderLines.id)),
    db
      // sum() of integers is a bigint, which the drivers hand back as a string.
      .select({ orderId: payments.orderId, amount: sql<string>`sum(${payments.refundedAmount})` })
      .from(payments)
      .where(inArray(payments.orderId, orderIds))
      .groupBy(payments.orderId),
  ]);
  const entry = (orderId: string) => {
    let found = extras.get(orderId);
    if (!found) extras.set(orderId, (found = { lines: [], refundedAmount: 0 }));
    return found;
  };
  for (const { orderId, ...line } of lines) entry(orderId).lines.push(line);
  for (const row of refunded) entry(row.orderId).refundedAmount = Number(row.amount);
  return extras;
}

/** One batch of the export as CSV text. */
export async function orderCsvChunk(db: Database, rows: OrderRow[]): Promise<string> {
  const extras = await loadOrderCsvExtras(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => orderCsvLine(row, extras.get(row.id))).join('');
}
