/**
 * The admin order list on 100,000 orders: first page, a deep page (keyset, ~50,000
 * rows in), a filter, exact searches and partial ones (name, email, product, order
 * number), fulfilment filters, each p50/p95 over BENCH_RUNS runs (30) after warm-up. Every run is the whole
 * page load: the rows and the filtered count. For each search the bench names the search
 * indexes its page plan reads (BENCH_EXPLAIN=1 prints the plans).
 * Targets: PostgreSQL p95 < 50 ms for each case.
 * Runs on an in-memory PGlite always, and on a fresh PostgreSQL database (dropped
 * afterwards) when TEST_DATABASE_URL is set.
 * Run: TEST_DATABASE_URL=postgres://127.0.0.1:5432/test npx tsx --conditions=react-server bench/admin-orders.bench.ts
 */
import { sql, type SQLWrapper } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { selectRows } from '@/lib/db/rows';
import {
  encodeCursor,
  listAdminOrders,
  orderCountQuery,
  orderListQuerySchema,
  orderPageQuery,
  SEARCH_COUNT_CAP,
} from '@/lib/orders/admin/list';
import { testDatabaseTargets } from '@/test/databases';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;
const TARGET_P95_MS = 50;

// Full names repeat every 500 orders, so "Jane Doe" finds 200 orders and "livia" one in twenty.
const FIRST_NAMES =
  'Olivia Liam Emma Noah Amelia Oliver Sophia Elijah Isabella Lucas Mia Mateo Harper Levi Evelyn Ezra Jane Hugo Chloe Omar'.split(
    ' ',
  );
const LAST_NAMES =
  'Smith Doe Garcia Johnson Brown Davis Miller Wilson Moore Taylor Anderson Thomas Jackson White Harris Martin Thompson Robinson Clark Lewis Walker Young Allen King Wright'.split(
    ' ',
  );
const PRODUCTS =
  'Enamel camp mug, Walnut serving board, Wool blanket, Tin lantern, Linen apron, Cast iron skillet, Beeswax candle, Field notebook, Canvas tote, Copper kettle, Trail map (PDF), Coffee club subscription'.split(
    ', ',
  );

/** A PostgreSQL text array literal of fixed, quote-free bench words. */
const sqlArray = (values: string[]) => `array[${values.map((value) => `'${value}'`).join(',')}]`;

/**
 * Bulk seeding with INSERT … SELECT over generate_series: one statement per table, so
 * 100k orders take seconds. The mix of statuses, kinds and dates resembles a year of a
 * small shop; ids follow the shapes Amazon uses.
 */
async function seed(db: Database): Promise<void> {
  await db.execute(sql`
    insert into orders (status, payment_state, currency, subtotal_amount, shipping_amount, tax_amount, total_amount,
      buyer_name, buyer_email, checkout_session_id, charge_permission_id, fulfilment, created_at, updated_at)
    select
      (array['paid','paid','paid','paid','authorized','pending','payment_processing','declined','canceled','refunded','partially_refunded'])[1 + i % 11],
      (array['Captured','Captured','Captured','Captured','Authorized','none','AuthorizationInitiated','Declined','Canceled','Captured','Captured'])[1 + i % 11],
      'USD', 1000 + (i * 37) % 20000, 595, 0, 1000 + (i * 37) % 20000 + 595,
      (${sql.raw(sqlArray(FIRST_NAMES))})[1 + i % ${FIRST_NAMES.length}] || ' ' || (${sql.raw(sqlArray(LAST_NAMES))})[1 + (i / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}],
      'buyer' || (i % 25000) || '@example.com',
      'cs-' || md5(i::text), 'S01-' || lpad((i % 10000000)::text, 7, '0') || '-' || lpad(i::text, 7, '0'),
      (array['physical','physical','digital','mixed','subscription'])[1 + i % 5],
      now() - (i * interval '315 seconds'), now() - (i * interval '315 seconds')
    from generate_series(1, ${ORDERS}) as i`);
  // One line per order, and a second on every fourth, from a catalogue of a dozen products.
  const product = (offset: number) =>
    sql.raw(`(${sqlArray(PRODUCTS)})[1 + (substring(number from 4)::int + ${offset}) % ${PRODUCTS.length}]`);
  await db.execute(sql`
    insert into order_lines (order_id, product_slug, product_name, kind, unit_price_amount, quantity, line_total_amount)
    select id, 'product', ${product(0)}, 'physical', subtotal_amount, 1, subtotal_amount from orders`);
  await db.execute(sql`
    insert into order_lines (order_id, product_slug, product_name, kind, unit_price_amount, quantity, line_total_amount)
    select id, 'product', ${product(5)}, 'physical', 500, 1, 500 from orders where substring(number from 4)::int % 4 = 0`);
  await db.execute(sql`
    insert into payments (order_id, charge_id, charge_permission_id, state, currency, authorized_amount, captured_amount, refunded_amount)
    select id, charge_permission_id || '-C000001', charge_permission_id, payment_state, currency, total_amount,
      case when payment_state = 'Captured' then total_amount else 0 end,
      case when status = 'refunded' then total_amount when status = 'partially_refunded' then 100 else 0 end
    from orders where payment_state <> 'none'`);
  // The list shows sales by default: orders whose charge was authorized or captured at some point.
  await db.execute(sql`
    update orders set placed_at = created_at + interval '1 minute'
    where status in ('paid', 'authorized', 'refunded', 'partially_refunded')`);
  // Paid goods that ship: shipped after a day, delivered after a week, as a shop that keeps up would be.
  await db.execute(sql`
    update orders set fulfilment_status = case when created_at < now() - interval '7 days' then 'delivered' else 'shipped' end,
      shipped_at = created_at + interval '1 day'
    where status = 'paid' and fulfilment in ('physical', 'mixed') and created_at < now() - interval '1 day'`);
  // What autovacuum leaves a live database in: statistics and a visibility map for index-only counts.
  await db.execute(sql`vacuum analyze`);
}

async function deepCursor(db: Database): Promise<string> {
  const [row] = await selectRows<{ id: string; exact: string; total_amount: number; number: string }>(
    db,
    sql`
    select id, total_amount, number, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as exact
    from orders order by created_at desc, id desc offset ${Math.floor(ORDERS / 2)} limit 1`,
  );
  if (!row) throw new Error('no row for the deep cursor');
  return encodeCursor({ id: row.id, exactCreatedAt: row.exact, totalAmount: row.total_amount, number: row.number }, 'date');
}

/** The search indexes (trigram, and product names by name) a plan reads, from EXPLAIN. */
async function searchIndexesIn(db: Database, query: SQLWrapper): Promise<string> {
  const plan = await selectRows<{ 'QUERY PLAN': string }>(db, sql`explain ${query}`);
  if (process.env.BENCH_EXPLAIN) console.log(plan.map((line) => line['QUERY PLAN']).join('\n'));
  const names = new Set(plan.flatMap((line) => line['QUERY PLAN'].match(/\w+_trgm_idx|order_lines_product_name_idx/g) ?? []));
  return [...names].map((name) => name.replace(/^orders?_/, '').replace(/_idx$/, '')).join(',') || 'none';
}

/** What the page and the count of a search read, for the table. */
async function searchIndexesUsed(db: Database, params: Record<string, string>): Promise<string> {
  const filters = orderListQuerySchema.parse(params);
  const page = await orderPageQuery(db, filters, filters.dir, null, filters.size + 1);
  const counted = await orderCountQuery(db, filters, SEARCH_COUNT_CAP);
  return `page: ${await searchIndexesIn(db, page.query)}; count: ${await searchIndexesIn(db, counted.query)}`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function measure(db: Database, params: Record<string, string>): Promise<{ p50: number; p95: number; rows: number }> {
  const query = orderListQuerySchema.parse(params);
  let rows = 0;
  for (let i = 0; i < WARMUP; i += 1) rows = (await listAdminOrders(db, query)).rows.length;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await listAdminOrders(db, query);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), rows };
}

async function main(): Promise<void> {
  const results: Array<{ target: string; case: string; searchIndexes: string; p50: number; p95: number; rows: number }> = [];
  for (const target of testDatabaseTargets) {
    const handle = await target.open();
    try {
      const seeding = performance.now();
      await seed(handle.db);
      console.log(
        `${target.name}: seeded ${ORDERS.toLocaleString('en-US')} orders with lines and payments in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
      );
      const cases: Array<[string, Record<string, string>]> = [
        ['first page', {}],
        ['deep page (keyset, row 50,000)', { after: await deepCursor(handle.db) }],
        [
          'filter: paid + digital + 90 days',
          { status: 'paid', fulfilment: 'digital', from: new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10) },
        ],
        ['filter: shipped', { fulfilmentStatus: 'shipped' }],
        ['filter: not shipped yet + physical', { fulfilmentStatus: 'unfulfilled', fulfilment: 'physical' }],
        ['sort by total, first page', { sort: 'total' }],
        ['sort by number, first page', { sort: 'number', dir: 'asc' }],
        ['search: buyer email', { q: 'Buyer4242@example.com' }],
        ['search: charge id', { q: 'S01-0042424-0042424-C000001' }],
        ['search: partial name "livia"', { q: 'livia' }],
        ['search: full name "Jane Doe"', { q: 'Jane Doe' }],
        ['search: email fragment "yer4242"', { q: 'yer4242' }],
        ['search: product word "walnut"', { q: 'walnut' }],
        ['search: number fragment "14242"', { q: '14242' }],
        ['search: in every order "example.com"', { q: 'example.com' }],
      ];
      for (const [name, params] of cases) {
        const searchIndexes = params.q ? await searchIndexesUsed(handle.db, params) : '';
        results.push({ target: target.name, case: name, searchIndexes, ...(await measure(handle.db, params)) });
      }
    } finally {
      await handle.close();
    }
  }

  // The ratio compares each case's p95 with the first page's on the same database.
  console.log(
    `\n${'database'.padEnd(10)} ${'case'.padEnd(40)} ${'rows'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'× first'.padStart(8)}  search indexes`,
  );
  for (const row of results) {
    const first = results.find((other) => other.target === row.target)?.p95 ?? Number.NaN;
    console.log(
      `${row.target.padEnd(10)} ${row.case.padEnd(40)} ${String(row.rows).padStart(5)} ${row.p50.toFixed(1).padStart(8)} ${row.p95.toFixed(1).padStart(8)} ${(row.p95 / first).toFixed(2).padStart(8)}  ${row.searchIndexes}`,
    );
  }
  const postgres = results.filter((row) => row.target === 'postgres');
  if (postgres.length === 0) {
    console.log('\nPostgreSQL: not measured (set TEST_DATABASE_URL).');
  } else {
    const worst = Math.max(...postgres.map((row) => row.p95));
    console.log(
      `\nPostgreSQL p95 < ${TARGET_P95_MS} ms in every case: ${worst < TARGET_P95_MS ? 'yes' : 'NO'} (worst ${worst.toFixed(1)} ms)`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
