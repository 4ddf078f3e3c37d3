import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { textInput } from '@/lib/text-input';
import { ORDER_NUMBER_PREFIX } from '@/lib/ids';
import type { Database } from '@/lib/db/connection';
import { orders, payments } from '@/lib/db/schema';
import { money, type Money } from '@/lib/money';
import { ORDER_STATUS_LABELS, type OrderStatus } from '@/lib/orders/status';

/**
 * The merchant's order list: filters that live in the URL, and keyset pagination so
 * page 2,000 costs what page 1 costs (bench/admin-orders.bench.ts measures it).
 */

export const ORDER_STATUSES = Object.keys(ORDER_STATUS_LABELS) as [OrderStatus, ...OrderStatus[]];
export const FULFILMENTS = ['physical', 'digital', 'mixed', 'subscription'] as const;
// Amazon's Charge states (https://developer.amazon.com/docs/amazon-pay-api-v2/charge.html) plus our 'none' and
// 'Completed' before a charge exists.
export const PAYMENT_STATES = [
  'none',
  'Completed',
  'AuthorizationInitiated',
  'Authorized',
  'CaptureInitiated',
  'Captured',
  'Canceled',
  'Declined',
] as const;
export const SORTS = ['date', 'total', 'number'] as const;
/**
 * Orders are sales: a charge was authorized or captured at some point (placedAt), even if
 * the order was canceled or refunded since. Attempts are the rest: declined or canceled
 * before any money was held, still being confirmed, or never completed by the shopper.
 */
export const ORDER_VIEWS = ['orders', 'attempts', 'all'] as const;
export type OrderView = (typeof ORDER_VIEWS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;

/**
 * Whether an ISO UTC text names a real instant as written (JavaScript reads 2026-02-30 as
 * 2 March) in years PostgreSQL and a shop can hold (PostgreSQL has no year 0).
 */
function isRealInstant(value: string): boolean {
  const parsed = new Date(value);
  const year = parsed.getUTCFullYear();
  return (
    !Number.isNaN(parsed.getTime()) && year >= 1970 && year <= 9999 && parsed.toISOString().slice(0, 19) === value.slice(0, 19)
  );
}

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => isRealInstant(`${value}T00:00:00Z`), 'not a date');
/** A blank form field arrives as ''; treat it as absent rather than invalid. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const orderListFiltersSchema = z.object({
  view: optional(z.enum(ORDER_VIEWS)).transform((value) => value ?? 'orders'),
  q: optional(textInput(200).trim()),
  status: optional(z.enum(ORDER_STATUSES)),
  paymentState: optional(z.enum(PAYMENT_STATES)),
  fulfilment: optional(z.enum(FULFILMENTS)),
  from: optional(isoDay),
  to: optional(isoDay),
  sort: optional(z.enum(SORTS)).transform((value) => value ?? 'date'),
  dir: optional(z.enum(['asc', 'desc'])).transform((value) => value ?? 'desc'),
});

export const orderListQuerySchema = orderListFiltersSchema.extend({
  after: optional(textInput(300)),
  before: optional(textInput(300)),
  size: optional(z.coerce.number().pipe(z.literal(PAGE_SIZES))).transform((value) => value ?? 50),
});

export type OrderListFilters = z.output<typeof orderListFiltersSchema>;
export type OrderListQuery = z.output<typeof orderListQuerySchema>;

/** URLSearchParams or Next.js searchParams → a plain record zod can read (first value wins). */
export function searchParamsRecord(
  input: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const entries = input instanceof URLSearchParams ? [...input.entries()] : Object.entries(input);
  const record: Record<string, string> = {};
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && !(key in record)) record[key] = first;
  }
  return record;
}

export interface AdminOrderRow {
  id: string;
  number: string;
  createdAt: Date;
  status: OrderStatus;
  paymentState: string;
  fulfilment: string;
  /** Where the goods are: unfulfilled, shipped or delivered. */
  fulfilmentStatus: string;
  buyerName: string | null;
  buyerEmail: string | null;
  chargePermissionId: string | null;
  /** Amazon's last reason code (HardDeclined, BuyerCanceled, …), the why of a failed attempt. */
  reasonCode: string | null;
  total: Money;
}

export interface OrderListPage {
  rows: AdminOrderRow[];
  /** Matching orders, up to COUNT_CAP. */
  totalCount: number;
  /** True when more than COUNT_CAP match. */
  totalCapped: boolean;
  /** Cursors for the neighbouring pages; null at either end. */
  nextCursor: string | null;
  prevCursor: string | null;
}

// Order numbers are the prefix and a sequence; comparing the digits as a number keeps NW-1000000 after NW-999999.
const numberValue = sql<number>`(substring(${orders.number} from ${sql.raw(String(ORDER_NUMBER_PREFIX.length + 1))}))::bigint`;
const SORT_COLUMNS = { date: orders.createdAt, total: orders.totalAmount, number: numberValue } as const;

/** A UTC timestamp to the microsecond that names a real instant (no 2026-02-30, no 25:00). */
const exactTimestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/)
  .refine(isRealInstant);

const cursorSchema = z.object({
  v: z.union([exactTimestamp, z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)]),
  id: z.uuid(),
});
type Cursor = z.output<typeof cursorSchema>;

type OrderRecord = typeof orders.$inferSelect;
/** A page row plus its created_at to the microsecond: a JavaScript Date keeps only milliseconds. */
type PagedOrder = OrderRecord & { exactCreatedAt: string };

// PostgreSQL keeps microseconds; a cursor rounded to the millisecond would skip rows placed in the same millisecond.
const exactCreatedAt = sql<string>`to_char(${orders.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Only the two rows a page's cursors start from need it. Formatting it in the page query
 * itself cost a to_char per candidate row before the sort (bench: +190 ms sorting by total).
 */
async function exactCreatedAtOf(db: Database, ids: Array<string | undefined>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: orders.id, exact: exactCreatedAt }).from(orders).where(inArray(orders.id, wanted));
  return new Map(rows.map((row) => [row.id, row.exact]));
}

/** The cursor that continues after `row` in `sort` order (exported for the benchmark's deep pages). */
export function encodeCursor(
  row: Pick<PagedOrder, 'id' | 'exactCreatedAt' | 'totalAmount' | 'number'>,
  sort: OrderListFilters['sort'],
): string {
  const v = sort === 'date' ? row.exactCreatedAt : sort === 'total' ? row.totalAmount : Number(row.number.slice(3));
  return Buffer.from(JSON.stringify({ v, id: row.id })).toString('base64url');
}

/** A cursor we cannot read (edited by hand, or from another sort) starts again at page one. */
function decodeCursor(cursor: string | undefined, sort: OrderListFilters['sort']): Cursor | null {
  if (!cursor) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (!parsed.success || typeof parsed.data.v !== (sort === 'date' ? 'string' : 'number')) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

/**
 * Search by order number, buyer email, or any Amazon id we hold. A UNION of exact
 * lookups lets each arm use its own index; an OR across them (and the payments join)
 * made PostgreSQL scan every order (bench: 150 ms → under 1 ms on 100k orders).
 */
// The inner lookups read orders under another name, so they never refer to the outer row.
const searched = alias(orders, 'searched');

function searchCondition(raw: string): SQL {
  const number = /^\d+$/.test(raw) ? `NW-${raw}` : raw.toUpperCase();
  const s = searched;
  const from = sql`${orders} as ${s}`;
  return sql`${orders.id} in (
    select ${s.id} from ${from} where ${s.number} = ${number}
    union all select ${s.id} from ${from} where lower(${s.buyerEmail}) = ${raw.toLowerCase()}
    union all select ${s.id} from ${from} where ${s.checkoutSessionId} = ${raw}
    union all select ${s.id} from ${from} where ${s.chargePermissionId} = ${raw}
    union all select ${payments.orderId} from ${payments} where ${payments.chargeId} = ${raw})`;
}

/** A sale, for the list and the dashboard alike. */
export const placedCondition: SQL = isNotNull(orders.placedAt);

export function filterConditions(filters: OrderListFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.view !== 'all') conditions.push(filters.view === 'orders' ? placedCondition : isNull(orders.placedAt));
  if (filters.q) conditions.push(searchCondition(filters.q));
  if (filters.status) conditions.push(eq(orders.status, filters.status));
  if (filters.paymentState) conditions.push(eq(orders.paymentState, filters.paymentState));
  if (filters.fulfilment) conditions.push(eq(orders.fulfilment, filters.fulfilment));
  // Days are UTC days; `to` is inclusive, so the bound is the next midnight.
  if (filters.from) conditions.push(gte(orders.createdAt, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) conditions.push(lt(orders.createdAt, new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000)));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

function keysetCondition(sort: OrderListFilters['sort'], forward: 'asc' | 'desc', cursor: Cursor): SQL {
  const column = SORT_COLUMNS[sort];
  // Explicit casts: the drivers send parameters as text, and the row comparison needs typed values.
  const value = sort === 'date' ? sql`${String(cursor.v)}::timestamptz` : sql`${Number(cursor.v)}::bigint`;
  const id = sql`${cursor.id}::uuid`;
  // A row comparison keeps ties on the sort value in a stable order by id.
  return forward === 'desc'
    ? sql`(${column}, ${orders.id}) < (${value}, ${id})`
    : sql`(${column}, ${orders.id}) > (${value}, ${id})`;
}

const flip = (dir: 'asc' | 'desc') => (dir === 'asc' ? 'desc' : 'asc');

/** One page of rows in `sort`/`dir` order after (or before) a cursor; the raw rows, for the list and the export. */
export async function selectOrderPage(
  db: Database,
  filters: OrderListFilters,
  options: { after?: string; before?: string; size: number },
) {
  const before = decodeCursor(options.before, filters.sort);
  const after = before ? null : decodeCursor(options.after, filters.sort);
  // Going back reads the other way from the cursor, then puts the rows in display order.
  const readDir = before ? flip(filters.dir) : filters.dir;
  const cursor = before ?? after;
  const column = SORT_COLUMNS[filters.sort];
  const order = readDir === 'asc' ? [asc(column), asc(orders.id)] : [desc(column), desc(orders.id)];
  const where = and(filterConditions(filters), cursor ? keysetCondition(filters.sort, readDir, cursor) : undefined);
  const rows = await db
    .select()
    .from(orders)
    .where(where)
    .orderBy(...order)
    .limit(options.size + 1);
  const hasMore = rows.length > options.size;
  const page = rows.slice(0, options.size);
  if (before) page.reverse();
  const exact = await exactCreatedAtOf(db, [page[0]?.id, page.at(-1)?.id]);
  const boundary = (row: OrderRecord | undefined): PagedOrder | undefined =>
    row ? { ...row, exactCreatedAt: exact.get(row.id) ?? row.createdAt.toISOString() } : undefined;
  return {
    page,
    first: boundary(page[0]),
    last: boundary(page.at(-1)),
    hasMore,
    readingBack: Boolean(before),
    hadCursor: Boolean(cursor),
  };
}

/** Counting stops here: an exact count of 100k rows costs more than the page itself, and "10,000+" is as useful. */
export const COUNT_CAP = 10_000;

export async function listAdminOrders(db: Database, query: OrderListQuery): Promise<OrderListPage> {
  const capped = db
    .select({ one: sql`1` })
    .from(orders)
    .where(filterConditions(query))
    .limit(COUNT_CAP + 1)
    .as('capped');
  const [{ page, first, last, hasMore, readingBack, hadCursor }, [total]] = await Promise.all([
    selectOrderPage(db, query, { after: query.after, before: query.before, size: query.size }),
    db.select({ value: count() }).from(capped),
  ]);
  const counted = total?.value ?? 0;
  const hasNext = readingBack ? hadCursor : hasMore;
  const hasPrev = readingBack ? hasMore : hadCursor;
  return {
    rows: page.map(toAdminOrderRow),
    totalCount: Math.min(counted, COUNT_CAP),
    totalCapped: counted > COUNT_CAP,
    nextCursor: hasNext && last ? encodeCursor(last, query.sort) : null,
    prevCursor: hasPrev && first ? encodeCursor(first, query.sort) : null,
  };
}

export function toAdminOrderRow(row: OrderRecord): AdminOrderRow {
  return {
    id: row.id,
    number: row.number,
    createdAt: row.createdAt,
    status: row.status,
    paymentState: row.paymentState,
    fulfilment: row.fulfilment,
    fulfilmentStatus: row.fulfilmentStatus,
    buyerName: row.buyerName,
    buyerEmail: row.buyerEmail,
    chargePermissionId: row.chargePermissionId,
    reasonCode: row.lastReasonCode,
    total: money(row.totalAmount, row.currency),
  };
}

/** Orders whose payment may still move on its own; the list polls while it shows one. */
export const UNSETTLED_STATUSES: ReadonlySet<string> = new Set(['pending', 'payment_processing']);

/** Keyset walk over every matching order, `batchSize` rows at a time (the CSV export). */
export async function* eachOrderBatch(db: Database, filters: OrderListFilters, batchSize = 500): AsyncGenerator<OrderRecord[]> {
  let after: string | undefined;
  for (;;) {
    const { page, last, hasMore } = await selectOrderPage(db, filters, { after, size: batchSize });
    if (page.length > 0) yield page;
    if (!hasMore || !last) return;
    after = encodeCursor(last, filters.sort);
  }
}
