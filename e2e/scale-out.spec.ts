import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { ensureOfflineMerchantKey } from '../scripts/offline-key.mjs';
import { startOfflineSandbox } from '../scripts/offline-sandbox.mjs';
import { AGAINST_REAL_AMAZON } from './support/environment';
import { startStorefrontInstance, waitUntilReady } from '../test/storefront-instance';
import { addToCart, checkOutWithAmazon, orderNumberFrom, placeOrder } from './support/shop';

/**
 * Two storefront instances on one PostgreSQL and one emulator, as behind a load balancer.
 * Each checkout is placed on one instance and returned to the other (each instance's
 * APP_URL names the other one, so Amazon sends the shopper across), both instances run
 * their schedulers and work the queue, and the database must end with one order and one
 * charge per checkout, one resync sweep per minute, and every IPN processed once.
 */
const ADMIN_URL = process.env.TEST_DATABASE_URL;
const PORT_A = Number(process.env.E2E_PORT ?? 3210) + 21;
const PORT_B = PORT_A + 1;
const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4210) + 21;
const urlOf = (port: number) => `http://localhost:${port}`;
const CHECKOUTS = 3;

test.skip(!ADMIN_URL, 'Skipped: the two-instance test needs PostgreSQL; set TEST_DATABASE_URL (.ci/run does).');
test.skip(AGAINST_REAL_AMAZON, 'Skipped against the real Amazon Pay sandbox: the two instances share the offline emulator.');
test.describe.configure({ mode: 'serial', timeout: 300_000 });

const children: ChildProcess[] = [];
let databaseUrl: string;
let databaseName: string;

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function startInstance(port: number, appUrl: string, sandboxUrl: string): ChildProcess {
  // Every minute, so a short test sees several periods.
  const env = { RESYNC_SWEEP_CRON: '* * * * *' };
  const child = startStorefrontInstance({ port, appUrl, databaseUrl, amazonPayEndpoint: sandboxUrl, env });
  children.push(child);
  return child;
}

test.beforeAll(async () => {
  databaseName = `storefront_scale_${randomBytes(5).toString('hex')}`;
  const admin = postgres(ADMIN_URL!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${databaseName}`);
  await admin.end();
  databaseUrl = withDatabase(ADMIN_URL!, databaseName);

  const key = ensureOfflineMerchantKey();
  const sandbox = await startOfflineSandbox({ key, appUrl: urlOf(PORT_A), port: String(SANDBOX_PORT), env: process.env });
  if (!sandbox) throw new Error('this checkout has no sandbox');
  children.push(sandbox.child);
  // A places nothing itself: its shoppers review on B, and B's shoppers come back to A.
  const a = startInstance(PORT_A, urlOf(PORT_B), sandbox.url);
  const b = startInstance(PORT_B, urlOf(PORT_A), sandbox.url);
  await Promise.all([waitUntilReady(urlOf(PORT_A), a), waitUntilReady(urlOf(PORT_B), b)]);
});

test.afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null)),
  );
  const admin = postgres(ADMIN_URL!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
  await admin.end();
});

test('checkouts move between two instances; one order, one charge, one sweep per minute, each IPN once', async ({ browser }) => {
  const startedAt = Date.now();
  const numbers: string[] = [];
  for (let index = 0; index < CHECKOUTS; index++) {
    const context = await browser.newContext({ baseURL: urlOf(PORT_A) });
    const page = await context.newPage();
    const returnedTo: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (request.isNavigationRequest() && url.pathname === '/checkout/result') returnedTo.push(url.port);
    });
    await addToCart(page, 'enamel-camp-mug');
    await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '1111' });
    expect(new URL(page.url()).port, 'the review is served by the other instance').toBe(String(PORT_B));
    // The first page either instance serves is cold: let it hydrate before the click.
    await page.waitForLoadState('networkidle');
    await placeOrder(page);
    numbers.push(await orderNumberFrom(page));
    expect(returnedTo, 'Amazon returned the shopper to the first instance').toEqual([String(PORT_A)]);
    // A completed the payment and, as every redirect does, sent the shopper on to its own APP_URL: B.
    expect(new URL(page.url()).port, 'the order page is on the completing instance’s APP_URL').toBe(String(PORT_B));
    await context.close();
  }

  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const orders = await sql<Array<{ number: string; charges: number }>>`
      select o.number, (select count(*)::int from payments p where p.order_id = o.id) as charges
      from orders o order by o.number`;
    expect(orders.map((order) => order.number).sort()).toEqual([...numbers].sort());
    expect(orders.every((order) => order.charges === 1)).toBe(true);

    // Wait for two full minutes of schedules after start-up.
    const minute = 60_000;
    const until = (Math.floor(startedAt / minute) + 3) * minute + 15_000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, until - Date.now())));

    const sweeps = await sql<Array<{ minute: string; runs: number }>>`
      select to_char(date_trunc('minute', created_on), 'HH24:MI') as minute, count(*)::int as runs from (
        select created_on, data from pgboss.job where name = 'resync-sweep'
        union all select created_on, data from pgboss.archive where name = 'resync-sweep'
      ) jobs where data->>'trigger' = 'schedule' group by 1 order by 1`;
    expect(sweeps.length).toBeGreaterThanOrEqual(2);
    expect(
      sweeps.every((sweep) => sweep.runs === 1),
      JSON.stringify(sweeps),
    ).toBe(true);

    const notifications = await sql<Array<{ status: string; attempts: number }>>`
      select status, attempts from notifications_received`;
    expect(notifications.length).toBeGreaterThan(0);
    expect(
      notifications.every((row) => row.status === 'processed' && row.attempts === 1),
      JSON.stringify(notifications),
    ).toBe(true);
  } finally {
    await sql.end();
  }
});
