import { and, asc, count, desc, eq, gte, ilike, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { textInput } from '@/lib/text-input';
import { ORDER_NUMBER_PREFIX } from '@/lib/ids';
import type { Database } from '@/lib/db/connection';
import { selectRows } from '@/lib/db/rows';
import { orderLines, orders, payments } from '@/lib/db/schema';
import { money, type Money } from '@/lib/money';
import { FULFILMENT_STATUSES } from '@/lib/orders/fulfilment-status';
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
  fulfilmentStatus: optional(z.enum(FULFILMENT_STATUSES)),
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
  /** Matching orders, up to COUNT_CAP (SEARCH_COUNT_CAP for a search). */
  totalCount: number;
  /** True when more than that match. */
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
 * Search by any Amazon id we hold (exactly), and by part of the order number, the buyer's
 * name or email, or a product name on one of the order's lines, ignoring case. A query of
 * several words matches when every word occurs in the same field ("Jane Doe", "walnut board").
 *
 * Each arm below is read on its own, up to the rows a page (or the count) needs, and the
 * results merged (matchingAnyArm). An OR across them made PostgreSQL scan every order
 * (bench: 150 ms → under 1 ms on 100k orders for an exact id), and reading every match first
 * cost 300 ms for a word on one order in six; on its own, each arm gets the plan its own
 * statistics call for: a trigram index scan (https://www.postgresql.org/docs/current/pgtrgm.html#PGTRGM-INDEX)
 * for a rare word, the list's own order with a filter for a common one.
 */
// The exact lookups read orders under another name, so they never refer to the arm's row.
const searched = alias(orders, 'searched');

/**
 * pg_trgm indexes three-character runs: a query whose words are all shorter has none to look
 * up and would read every row, so it matches ids and order numbers exactly only.
 */
export const PARTIAL_SEARCH_MIN_LENGTH = 3;

/** A LIKE pattern that finds `word` literally anywhere; backslash is PostgreSQL's default LIKE escape. */
function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * The product names on order lines that contain every pattern. A shop sells far fewer
 * products than it has lines, so walking the distinct names down the btree index (one probe
 * each, https://wiki.postgresql.org/wiki/Loose_indexscan) and matching only those beats
 * a trigram scan that rechecks every matching line (bench: 34 ms → 16 ms counting a word on
 * one order in six); the orders are then found through the same index, by name.
 */
async function productNamesMatching(db: Database, everyWord: (column: SQL) => SQL): Promise<string[]> {
  const rows = await selectRows<{ name: string }>(
    db,
    sql`with recursive names(name) as (
      (select ${orderLines.productName} from ${orderLines} order by 1 limit 1)
      union all
      select (select ${orderLines.productName} from ${orderLines} where ${orderLines.productName} > names.name order by 1 limit 1)
      from names where names.name is not null)
    select name from names where name is not null and ${everyWord(sql`name`)}`,
  );
  return rows.map((row) => row.name);
}

/** Conditions on an order, any one of which makes it match the query `raw`. */
async function searchArms(db: Database, raw: string): Promise<SQL[]> {
  const number = /^\d+$/.test(raw) ? `${ORDER_NUMBER_PREFIX}${raw}` : raw.toUpperCase();
  const s = searched;
  const from = sql`${orders} as ${s}`;
  const exact = sql`${orders.id} in (
    select ${s.id} from ${from} where ${s.number} = ${number}
    union all select ${s.id} from ${from} where lower(${s.buyerEmail}) = ${raw.toLowerCase()}
    union all select ${s.id} from ${from} where ${s.checkoutSessionId} = ${raw}
    union all select ${s.id} from ${from} where ${s.chargePermissionId} = ${raw}
    union all select ${payments.orderId} from ${payments} where ${payments.chargeId} = ${raw})`;
  const words = raw.split(/\s+/).filter(Boolean);
  if (!words.some((word) => word.length >= PARTIAL_SEARCH_MIN_LENGTH)) return [exact];
  const patterns = words.map(containsPattern);
  const everyWord = (column: AnyPgColumn | SQL) => and(...patterns.map((pattern) => ilike(column, pattern)))!;
  const fields = or(everyWord(orders.buyerName), everyWord(orders.buyerEmail), everyWord(orders.number))!;
  const products = await productNamesMatching(db, everyWord);
  if (products.length === 0) return [exact, fields];
  const product = sql`exists (select 1 from ${orderLines} where ${orderLines.orderId} = ${orders.id} and ${inArray(orderLines.productName, products)})`;
  return [exact, fields, product];
}

/**
 * The orders that meet `where` and any of `arms`, each arm read up to `limit` rows (in
 * `order` when given): enough for the first `limit` of the whole in that order.
 */
function matchingAnyArm(arms: SQL[], where: SQL | undefined, limit: number, order?: SQL): SQL {
  const reads = arms.map(
    (arm) =>
      sql`(select ${orders.id} from ${orders} where ${and(where, arm)}${order ? sql` order by ${order}` : sql``} limit ${sql.raw(String(limit))})`,
  );
  return sql`${orders.id} in (${sql.join(reads, sql` union all `)})`;
}

/** A sale, for the list and the dashboard alike. */
export const placedCondition: SQL = isNotNull(orders.placedAt);

/** The view, status, payment state, kind, fulfilment and dates: everything but the search. */
function narrowingConditions(filters: OrderListFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.view !== 'all') conditions.push(filters.view === 'orders' ? placedCondition : isNull(orders.placedAt));
  if (filters.status) conditions.push(eq(orders.status, filters.status));
  if (filters.paymentState) conditions.push(eq(orders.paymentState, filters.paymentState));
  if (filters.fulfilment) conditions.push(eq(orders.fulfilment, filters.fulfilment));
  if (filters.fulfilmentStatus) conditions.push(eq(orders.fulfilmentStatus, filters.fulfilmentStatus));
  // Days are UTC days; `to` is inclusive, so the bound is the next midnight.
  if (filters.from) conditions.push(gte(orders.createdAt, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) conditions.push(lt(orders.createdAt, new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000)));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** Whether anything beyond the view narrows the list (the export then says "filtered"). */
export function isFiltered(filters: OrderListFilters): boolean {
  const { q, status, paymentState, fulfilment, fulfilmentStatus, from, to } = filters;
  return [q, status, paymentState, fulfilment, fulfilmentStatus, from, to].some(Boolean);
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

/**
 * Up to `limit` matching orders in `sort` order read `dir`-wards from `cursor`, unexecuted (the
 * benchmark EXPLAINs it). The query sits in an object because awaiting a Drizzle query runs it.
 */
export async function orderPageQuery(
  db: Database,
  filters: OrderListFilters,
  dir: 'asc' | 'desc',
  cursor: Cursor | null,
  limit: number,
) {
  const column = SORT_COLUMNS[filters.sort];
  const order = dir === 'asc' ? [asc(column), asc(orders.id)] : [desc(column), desc(orders.id)];
  const where = and(narrowingConditions(filters), cursor ? keysetCondition(filters.sort, dir, cursor) : undefined);
  const matching = filters.q ? matchingAnyArm(await searchArms(db, filters.q), where, limit, sql.join(order, sql`, `)) : where;
  return {
    query: db
      .select()
      .from(orders)
      .where(matching)
      .orderBy(...order)
      .limit(limit),
  };
}

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
  const rows = await (await orderPageQuery(db, filters, readDir, cursor, options.size + 1)).query;
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
/**
 * A search counts to a thousand: past that it needs narrowing, not a figure, and counting a
 * word on one order in six to 10,000 read 16,000 lines (bench: 99 ms → 27 ms on 100k orders).
 */
export const SEARCH_COUNT_CAP = 1_000;

/**
 * Counts matching orders up to `cap` + 1 (each search arm counts up to that many, then the
 * arms are merged), unexecuted like orderPageQuery.
 */
export async function orderCountQuery(db: Database, filters: OrderListFilters, cap: number) {
  const where = narrowingConditions(filters);
  const matching = filters.q ? matchingAnyArm(await searchArms(db, filters.q), where, cap + 1) : where;
  const capped = db
    .select({ one: sql`1` })
    .from(orders)
    .where(matching)
    .limit(cap + 1)
    .as('capped');
  return { query: db.select({ value: count() }).from(capped) };
}

async function countMatching(db: Database, filters: OrderListFilters, cap: number): Promise<number> {
  const [total] = await (await orderCountQuery(db, filters, cap)).query;
  return total?.value ?? 0;
}

export async function listAdminOrders(db: Database, query: OrderListQuery): Promise<OrderListPage> {
  const cap = query.q ? SEARCH_COUNT_CAP : COUNT_CAP;
  const [{ page, first, last, hasMore, readingBack, hadCursor }, counted] = await Promise.all([
    selectOrderPage(db, query, { after: query.after, before: query.before, size: query.size }),
    countMatching(db, query, cap),
  ]);
  const hasNext = readingBack ? hadCursor : hasMore;
  const hasPrev = readingBack ? hasMore : hadCursor;
  return {
    rows: page.map(toAdminOrderRow),
    totalCount: Math.min(counted, cap),
    totalCapped: counted > cap,
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
