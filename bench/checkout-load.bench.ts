/**
 * Checkout under load: N concurrent shoppers (32) through the storefront's whole HTTP flow
 * against the offline Amazon Pay emulator, with no browser, first on one storefront instance
 * and then on two behind a round-robin proxy (one PostgreSQL database for both).
 *   cart       - addToCartAction, posted to the product page as the browser does
 *   sign       - signCheckoutButtonAction({ placement: 'Cart' }), posted to /cart
 *   amazon     - the emulator's checkout.js start and the buyer's choice on its hosted page
 *   review     - GET the checkoutReviewReturnUrl
 *   place      - placeOrderAction, posted to the review page, redirects to Amazon's processing page
 *   processing - Amazon's processing page, redirects to the checkoutResultReturnUrl
 *   result     - GET /checkout/result, redirects to /orders/NW-…
 * Prints completed checkouts per second, p50/p95 per step, errors and duplicates for each
 * setup, then the two-instance / one-instance throughput ratio; exits 1 on any error or
 * duplicate. Each setup first runs WARMUP checkouts one after another, so both instances
 * have loaded every route before the clock starts. After the burst it waits until the
 * storefront's queue has processed every IPN the emulator sent (printed as "IPN drain s",
 * counted from the last checkout), and only then counts duplicates in the database.
 * One emulator serves both setups; its IPN URL is the URL the shoppers use.
 * Needs a production build (npm run build) and PostgreSQL (TEST_DATABASE_URL, else
 * postgres://127.0.0.1:5432/test, as the admin URL for a throw-away database).
 * Run: npm run bench:checkout-load -- --shoppers 32
 * Env: SHOPPERS=32, BENCH_TIMEOUT_S=600 (whole run).
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, createServer, request as upstreamRequest, type Server } from 'node:http';
import path from 'node:path';
import postgres from 'postgres';
import { ensureOfflineMerchantKey } from '../scripts/offline-key.mjs';
import { startOfflineSandbox } from '../scripts/offline-sandbox.mjs';
import { startStorefrontInstance, waitUntilReady } from '../test/storefront-instance';

const shoppersFlag = process.argv.indexOf('--shoppers');
const SHOPPERS = Number((shoppersFlag >= 0 ? process.argv[shoppersFlag + 1] : undefined) ?? process.env.SHOPPERS ?? 32);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 600) * 1000;
const REQUEST_TIMEOUT_MS = 30_000;
const WARMUP = 4;
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test';
const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next';
const PRODUCT = 'enamel-camp-mug';
const STEPS = ['cart', 'sign', 'amazon', 'review', 'place', 'processing', 'result'] as const;
type Step = (typeof STEPS)[number];
const urlOf = (port: number) => `http://127.0.0.1:${port}`;

class StepError extends Error {
  constructor(
    readonly step: Step | 'ipn',
    readonly status: number,
    excerpt: string,
  ) {
    super(`${step}: HTTP ${status} ${excerpt.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
}

/** Action ids as the build assigned them: node[id] = { filename, exportedName }. */
function actionIds(): Record<'addToCartAction' | 'signCheckoutButtonAction' | 'placeOrderAction', string> {
  const manifest = JSON.parse(readFileSync(path.join(DIST_DIR, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const find = (filename: string, exportedName: string) => {
    const entry = Object.entries(manifest.node).find(
      ([, action]) => action.filename === filename && action.exportedName === exportedName,
    );
    if (!entry) throw new Error(`${exportedName} is not in the build's server-reference-manifest.json`);
    return entry[0];
  };
  return {
    addToCartAction: find('components/cart/actions.ts', 'addToCartAction'),
    signCheckoutButtonAction: find('components/checkout/actions.ts', 'signCheckoutButtonAction'),
    placeOrderAction: find('components/checkout/actions.ts', 'placeOrderAction'),
  };
}

/**
 * An action's return value from its RSC (Flight) response: rows `<hex id>:<json>\n`, or
 * `<hex id>:T<hex byte length>,<text>`; the root row 0 holds it in `a`, usually as a
 * reference to another row ("$@1").
 */
function actionResult(body: Buffer): unknown {
  const rows = new Map<string, string>();
  for (let at = 0; at < body.length;) {
    const colon = body.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = body.toString('utf8', at, colon);
    if (body[colon + 1] === 0x54) {
      const comma = body.indexOf(0x2c, colon);
      const end = comma + 1 + parseInt(body.toString('utf8', colon + 2, comma), 16);
      rows.set(id, body.toString('utf8', comma + 1, end));
      at = end;
    } else {
      const newline = body.indexOf(0x0a, colon);
      const end = newline < 0 ? body.length : newline;
      rows.set(id, body.toString('utf8', colon + 1, end));
      at = end + 1;
    }
  }
  const returned = (JSON.parse(rows.get('0') ?? 'null') as { a?: unknown } | null)?.a;
  return typeof returned === 'string' && returned.startsWith('$@') ? JSON.parse(rows.get(returned.slice(2)) ?? 'null') : returned;
}

/** One shopper: a cookie jar for the storefront (as a browser keeps one per site) and each step's time. */
class Shopper {
  private readonly jar = new Map<string, string>();
  readonly times: Partial<Record<Step, number>> = {};
  checkoutSessionId: string | undefined;

  constructor(
    private readonly shopUrl: string,
    private readonly sandboxUrl: string,
    private readonly actions: ReturnType<typeof actionIds>,
  ) {}

  private async send(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url, this.shopUrl);
    const ours = target.origin === new URL(this.shopUrl).origin;
    const headers = new Headers(init.headers);
    if (ours && this.jar.size > 0) headers.set('cookie', [...this.jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(target, {
      ...init,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (ours) {
      // Our cookies are Secure in production; browsers still keep them for http://127.0.0.1.
      for (const cookie of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = cookie.split(';');
        const name = pair.slice(0, pair.indexOf('=')).trim();
        const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
        if (expired) this.jar.delete(name);
        else this.jar.set(name, pair.slice(pair.indexOf('=') + 1).trim());
      }
    }
    return response;
  }

  private async timed<T>(step: Step, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      const value = await run();
      this.times[step] = performance.now() - started;
      return value;
    } catch (error) {
      if (error instanceof StepError) throw error;
      // A refused connection or a time-out: fetch's own message says only "fetch failed".
      const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
      throw new StepError(step, 0, `${error instanceof Error ? error.message : String(error)}${cause}`);
    }
  }

  /** A server action as the Next.js client calls it: POST to the page with Next-Action and the arguments as JSON. */
  private async action(step: Step, page: string, id: string, arg: unknown): Promise<{ response: Response; body: Buffer }> {
    const response = await this.send(page, {
      method: 'POST',
      headers: {
        'next-action': id,
        accept: 'text/x-component',
        'content-type': 'text/plain;charset=UTF-8',
        origin: this.shopUrl,
      },
      body: JSON.stringify([arg]),
    });
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status >= 400) throw new StepError(step, response.status, body.toString());
    return { response, body };
  }

  /** One request that must answer 200, or (given where to) redirect there. */
  private async hop(step: Step, url: string, init: RequestInit, location?: RegExp): Promise<Response> {
    const response = await this.send(url, init);
    const target = response.headers.get('location') ?? '';
    const redirects = response.status >= 300 && response.status < 400;
    if (location ? !redirects || !location.test(new URL(target, url).pathname) : response.status !== 200)
      throw new StepError(step, response.status, `${target} ${await response.text()}`);
    return response;
  }

  async checkout(): Promise<string> {
    const { actions } = this;
    await this.timed('cart', async () => {
      const { body } = await this.action('cart', `/products/${PRODUCT}`, actions.addToCartAction, { slug: PRODUCT, quantity: 1 });
      const result = actionResult(body) as { ok?: boolean } | null;
      if (!result?.ok) throw new StepError('cart', 200, JSON.stringify(result));
    });
    const config = await this.timed('sign', async () => {
      const { body } = await this.action('sign', '/cart', actions.signCheckoutButtonAction, { placement: 'Cart' });
      const result = actionResult(body) as { ok?: boolean; config?: unknown } | null;
      if (!result?.ok || !result.config) throw new StepError('sign', 200, JSON.stringify(result));
      return result.config;
    });
    const reviewUrl = await this.timed('amazon', async () => {
      const started = await fetch(`${this.sandboxUrl}/checkout/start`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'checkout',
          merchantId: 'OFFLINE-MERCHANT',
          ledgerCurrency: 'USD',
          productType: 'PayAndShip',
          config,
        }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await started.text();
      const redirectUrl = started.ok ? (JSON.parse(text) as { redirectUrl?: string }).redirectUrl : undefined;
      if (!redirectUrl) throw new StepError('amazon', started.status, text);
      const sessionId = new URL(redirectUrl).searchParams.get('amazonCheckoutSessionId') ?? '';
      this.checkoutSessionId = sessionId;
      const form = new URLSearchParams({
        amazonCheckoutSessionId: sessionId,
        buyer: 'jane',
        card: 'jane-visa-1111',
        address: '0',
      });
      const selected = await this.hop(
        'amazon',
        `${this.sandboxUrl}/checkout/select`,
        { method: 'POST', body: form },
        /^\/checkout\/review$/,
      );
      return selected.headers.get('location') ?? '';
    });
    const snapshot = await this.timed('review', async () => {
      const page = await (await this.hop('review', reviewUrl, {})).text();
      if (!page.includes('data-testid="buyer-name"')) throw new StepError('review', 200, page.replace(/<[^>]*>/g, ' '));
      // The snapshot token the page hands Place order (in the page's flight data, quotes escaped).
      const token = /snapshot\\?":\\?"(\d{1,12}\.[A-Za-z0-9_-]{43})/.exec(page)?.[1];
      if (!token) throw new StepError('review', 200, 'no snapshot token on the review page');
      return token;
    });
    const processingUrl = await this.timed('place', async () => {
      const review = new URL(reviewUrl);
      const input = { checkoutSessionId: this.checkoutSessionId, shippingMethod: 'standard', confirmedSnapshot: snapshot };
      const { response, body } = await this.action('place', review.pathname + review.search, actions.placeOrderAction, input);
      // Next.js answers a redirecting action with 303 and x-action-redirect: <url>;<push|replace>.
      const redirect =
        response.headers.get('x-action-redirect')?.replace(/;(push|replace)$/, '') ?? response.headers.get('location');
      if (!redirect) throw new StepError('place', response.status, JSON.stringify(actionResult(body)));
      return redirect;
    });
    const resultUrl = await this.timed('processing', async () => {
      const processed = await this.hop('processing', processingUrl, {}, /^\/checkout\/result$/);
      return new URL(processed.headers.get('location') ?? '', processingUrl).toString();
    });
    return this.timed('result', async () => {
      const result = await this.hop('result', resultUrl, {}, /^\/orders\/NW-\d+$/);
      return new URL(result.headers.get('location') ?? '', resultUrl).pathname.slice('/orders/'.length);
    });
  }
}

/** Round-robin per request, passing method, path, headers (Host and cookies too), status and body through untouched. */
function startProxy(port: number, upstreams: number[]): Promise<Server> {
  const agent = new Agent({ keepAlive: true });
  let next = 0;
  const server = createServer((request, response) => {
    const upstream = upstreams[next++ % upstreams.length];
    const forwarded = upstreamRequest(
      { host: '127.0.0.1', port: upstream, method: request.method, path: request.url, headers: request.headers, agent },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
        answer.pipe(response);
      },
    );
    forwarded.on('error', (error) => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`proxy: ${error.message}`);
    });
    request.pipe(forwarded);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

interface SetupResult {
  name: string;
  perSecond: number;
  completed: number;
  seconds: number;
  steps: Record<Step, { p50: number; p95: number }>;
  errors: string[];
  duplicates: number;
  /** IPNs sent during the setup (warm-up included), and how long after the last checkout the queue had processed them. */
  ipns: number;
  ipnSeconds: number;
}

const children: ChildProcess[] = [];
let databaseName: string | undefined;

function startInstance(port: number, appUrl: string, sandboxUrl: string, databaseUrl: string): ChildProcess {
  const child = startStorefrontInstance({ port, appUrl, databaseUrl, amazonPayEndpoint: sandboxUrl });
  children.push(child);
  return child;
}

/** Stops the given children (all by default): SIGTERM, then SIGKILL after 10 s. */
async function stopChildren(stopping: ChildProcess[] = [...children]): Promise<void> {
  const exits = stopping.map((child) =>
    child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null,
  );
  for (const child of stopping) child.kill('SIGTERM');
  const killer = setTimeout(() => stopping.forEach((child) => child.kill('SIGKILL')), 10_000);
  await Promise.all(exits);
  clearTimeout(killer);
  for (const child of stopping) children.splice(children.indexOf(child), 1);
}

/** Orders and charges of this run's checkout sessions: more than one order per session, more than one charge per order, or a completed checkout without exactly its one order. */
async function countDuplicates(
  sql: postgres.Sql,
  sessions: string[],
  completed: Array<{ session: string; number: string }>,
): Promise<number> {
  const [row] = await sql<Array<{ sessions: number; charges: number; unmatched: number }>>`
    with run as (select jsonb_array_elements_text(${sql.json(sessions)}) as id),
    run_orders as (select o.* from orders o join run on run.id = o.checkout_session_id)
    select
      (select count(*)::int from (select 1 from run_orders group by checkout_session_id having count(*) > 1) twice) as sessions,
      (select count(*)::int from (select 1 from payments p join run_orders o on o.id = p.order_id group by p.order_id having count(*) > 1) twice) as charges,
      (select count(*)::int from jsonb_to_recordset(${sql.json(completed)}) as c(session text, number text)
        where (select count(*) from orders o where o.checkout_session_id = c.session) <> 1
           or not exists (select 1 from orders o where o.checkout_session_id = c.session and o.number = c.number)) as unmatched`;
  return (row?.sessions ?? 0) + (row?.charges ?? 0) + (row?.unmatched ?? 0);
}

/**
 * The IPNs sent since `from`, once the emulator has finished its retries: each must be
 * delivered, and the storefront's queue must work off every one it stored. The queue
 * takes its time (each worker polls every 2 s), so only a queue that stops making
 * progress for 30 s counts as an error.
 */
async function settleIpns(sandboxUrl: string, from: number, sql: postgres.Sql): Promise<{ errors: string[]; sent: number }> {
  const answer = await fetch(`${sandboxUrl}/__sandbox/notifications?wait=true`, { signal: AbortSignal.timeout(120_000) });
  const { notifications } = (await answer.json()) as {
    notifications: Array<{ delivered: boolean; url: string | null; attempts: Array<{ status: number | null }> }>;
  };
  const sent = notifications.slice(from);
  const errors = sent
    .filter((notification) => !notification.delivered)
    .map(
      (notification) =>
        new StepError('ipn', notification.attempts.at(-1)?.status ?? 0, `not delivered to ${notification.url}`).message,
    );
  let progressAt = Date.now();
  for (let last = Number.POSITIVE_INFINITY; ;) {
    const [row] = await sql<Array<{ waiting: number }>>`
      select count(*)::int as waiting from notifications_received where status <> 'processed'`;
    const waiting = row?.waiting ?? 0;
    if (waiting === 0) return { errors, sent: sent.length };
    if (waiting < last) [last, progressAt] = [waiting, Date.now()];
    if (Date.now() - progressAt > 30_000) {
      const jobs = await sql<Array<{ state: string; jobs: number }>>`
        select j.state, count(*)::int as jobs from notifications_received n
        left join pgboss.job j on j.name = 'ipn-process' and j.singleton_key = n.notification_id
        where n.status <> 'processed' group by 1`;
      const states = jobs.map((job) => `${job.state ?? 'no job'} ${job.jobs}`).join(', ');
      return {
        errors: [...errors, `ipn: ${waiting} stored notifications stuck for 30 s (queue jobs: ${states})`],
        sent: sent.length,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function sentIpns(sandboxUrl: string): Promise<number> {
  const answer = await fetch(`${sandboxUrl}/__sandbox/notifications`);
  return ((await answer.json()) as { notifications: unknown[] }).notifications.length;
}

async function runSetup(name: string, shopUrl: string, sandboxUrl: string, sql: postgres.Sql): Promise<SetupResult> {
  const actions = actionIds();
  const ipnsBefore = await sentIpns(sandboxUrl);
  for (let index = 0; index < WARMUP; index++) await new Shopper(shopUrl, sandboxUrl, actions).checkout();
  const shoppers = Array.from({ length: SHOPPERS }, () => new Shopper(shopUrl, sandboxUrl, actions));
  const started = performance.now();
  const outcomes = await Promise.allSettled(shoppers.map((shopper) => shopper.checkout()));
  const seconds = (performance.now() - started) / 1000;

  const errors = outcomes.flatMap((outcome) =>
    outcome.status === 'rejected' ? [String(outcome.reason instanceof Error ? outcome.reason.message : outcome.reason)] : [],
  );
  const completed = outcomes.flatMap((outcome, index) =>
    outcome.status === 'fulfilled' ? [{ session: shoppers[index]?.checkoutSessionId ?? '', number: outcome.value }] : [],
  );
  const ipns = await settleIpns(sandboxUrl, ipnsBefore, sql);
  const ipnSeconds = (performance.now() - started) / 1000 - seconds;
  errors.push(...ipns.errors);
  const sessions = shoppers.flatMap((shopper) => (shopper.checkoutSessionId ? [shopper.checkoutSessionId] : []));
  const steps = Object.fromEntries(
    STEPS.map((step) => {
      const times = shoppers
        .flatMap((shopper) => (shopper.times[step] === undefined ? [] : [shopper.times[step]]))
        .sort((a, b) => a - b);
      return [step, { p50: percentile(times, 50), p95: percentile(times, 95) }];
    }),
  ) as SetupResult['steps'];
  return {
    name,
    perSecond: completed.length / seconds,
    completed: completed.length,
    seconds,
    steps,
    errors,
    duplicates: await countDuplicates(sql, sessions, completed),
    ipns: ipns.sent,
    ipnSeconds,
  };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(DIST_DIR, 'BUILD_ID')))
    throw new Error(`no production build in ${DIST_DIR}/: run npm run build first`);
  if (!Number.isInteger(SHOPPERS) || SHOPPERS < 1) throw new Error('--shoppers must be a positive whole number');

  databaseName = `storefront_bench_${randomBytes(5).toString('hex')}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${databaseName}`);
  await admin.end();
  const parsed = new URL(ADMIN_URL);
  parsed.pathname = `/${databaseName}`;
  const databaseUrl = parsed.toString();
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const results: SetupResult[] = [];
  try {
    // One emulator for both setups, so it knows every charge the queue may still re-read.
    const single = urlOf(3310);
    const env = { ...process.env, SANDBOX_IPN_URL: undefined };
    const sandbox = await startOfflineSandbox({ key: ensureOfflineMerchantKey(), appUrl: single, port: '4310', env });
    if (!sandbox) throw new Error('this checkout has no sandbox/');
    children.push(sandbox.child);

    const instance = startInstance(3310, single, sandbox.url, databaseUrl);
    await waitUntilReady(single, instance);
    results.push(await runSetup('one instance', single, sandbox.url, sql));
    await stopChildren([instance]);

    const proxyUrl = urlOf(3313);
    const configured = await fetch(`${sandbox.url}/__sandbox/config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ipnUrl: `${proxyUrl}/api/amazon-pay/ipn` }),
    });
    if (!configured.ok) throw new Error(`the sandbox refused the IPN URL (${configured.status})`);
    const proxy = await startProxy(3313, [3311, 3312]);
    try {
      const instances = [3311, 3312].map((port) => ({ port, child: startInstance(port, proxyUrl, sandbox.url, databaseUrl) }));
      await Promise.all(instances.map(({ port, child }) => waitUntilReady(urlOf(port), child)));
      results.push(await runSetup('two instances', proxyUrl, sandbox.url, sql));
    } finally {
      proxy.closeAllConnections();
      proxy.close();
    }
  } finally {
    await sql.end();
  }

  console.log(`\n${SHOPPERS} concurrent shoppers, one checkout each (after ${WARMUP} warm-up checkouts)`);
  const columns = (cells: string[]) => cells.map((cell, index) => (index === 0 ? cell.padEnd(14) : cell.padStart(11))).join(' ');
  console.log(columns(['setup', 'checkouts/s', 'completed', 'wall s', 'errors', 'duplicates', 'IPNs', 'IPN drain s']));
  for (const result of results) {
    const { name, perSecond, completed, seconds, errors, duplicates, ipns, ipnSeconds } = result;
    console.log(
      columns([
        name,
        perSecond.toFixed(2),
        String(completed),
        seconds.toFixed(1),
        String(errors.length),
        String(duplicates),
        String(ipns),
        ipnSeconds.toFixed(1),
      ]),
    );
  }
  console.log(`\n${'step (ms)'.padEnd(12)} ${results.map((result) => `${result.name} p50/p95`.padStart(26)).join(' ')}`);
  for (const step of STEPS) {
    const cells = results.map((result) =>
      `${result.steps[step].p50.toFixed(0)} / ${result.steps[step].p95.toFixed(0)}`.padStart(26),
    );
    console.log(`${step.padEnd(12)} ${cells.join(' ')}`);
  }
  const [one, two] = results;
  if (one && two) console.log(`\ntwo instances / one instance throughput: ${(two.perSecond / one.perSecond).toFixed(2)}×`);
  for (const result of results) for (const error of result.errors.slice(0, 10)) console.log(`${result.name} error: ${error}`);
  if (results.some((result) => result.errors.length > 0 || result.duplicates > 0)) {
    console.log('\nFAILED: every checkout must complete once, with one order and one charge.');
    process.exitCode = 1;
  }
}

async function cleanUp(): Promise<void> {
  await stopChildren();
  if (!databaseName) return;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
  await admin.end();
  databaseName = undefined;
}

const watchdog = setTimeout(() => {
  console.error(`bench: gave up after ${TIMEOUT_MS / 1000} s`);
  void cleanUp().finally(() => process.exit(1));
}, TIMEOUT_MS);
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error && error.cause ? [error, error.cause] : error);
    process.exitCode = 1;
  })
  .finally(async () => {
    clearTimeout(watchdog);
    await cleanUp();
  });
