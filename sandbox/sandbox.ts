import { handleAmazonPay, apiResourcePath } from './api/amazon-pay';
import { KeyRegistry } from './auth';
import { checkoutJs } from './checkout-js';
import { createClock, type SandboxClock } from './clock';
import type { SandboxContext } from './context';
import { handleControl } from './control';
import { handleEcomcharge } from './ecomcharge';
import { FaultInjector, type FaultInput } from './faults';
import { handleHosted } from './hosted';
import { html, json, rawFromRequest, type RawRequest } from './http';
import { IdempotencyStore } from './idempotency';
import { IpnDispatcher, type NotificationRecord } from './ipn';
import { layout } from './pages';
import { ReportService } from './reports';
import { expireCharges } from './state/charge';
import { expireChargePermissions } from './state/charge-permission';
import { expireCheckoutSessions } from './state/checkout-session';
import { DEFAULT_TIMINGS, Store, type Timings } from './state/store';

export interface SandboxOptions {
  /** Inject a clock; otherwise one is made from `start`/`frozenClock`. */
  clock?: SandboxClock;
  start?: Date | number;
  /** Tests: time moves only through advance(). */
  frozenClock?: boolean;
  /** Where browsers and the app reach the sandbox; redirect, document and certificate URLs use it. */
  publicBaseUrl?: string;
  merchantId?: string;
  ipnUrl?: string | null;
  ipnSignatureVersion?: '1' | '2';
  ipnRetryDelaysMs?: number[];
  /** Used to POST IPNs; tests can pass an in-process handler. */
  fetch?: typeof fetch;
  timings?: Partial<Timings>;
  ecomcharge?: { shopId?: string; secretKey?: string; seed?: number; pageSize?: number };
  keys?: Array<{ publicKeyId: string; publicKey: string }>;
}

export interface Sandbox {
  /** The whole emulator as a fetch-style handler. */
  handle(request: Request): Promise<Response>;
  /** Same, for adapters that have the raw bytes (node:http: a GET may carry a signed body). */
  handleRaw(request: RawRequest): Promise<Response>;
  /** `handle` shaped as `fetch`, to pass to clients in-process. */
  fetch: typeof fetch;
  readonly clock: SandboxClock;
  readonly store: Store;
  readonly reports: ReportService;
  readonly ipn: IpnDispatcher;
  readonly context: SandboxContext;
  registerKey(publicKeyId: string, publicKeyPem: string): void;
  /** Clears all objects, reports, idempotency records, faults and notifications; keys too if asked. */
  reset(options?: { keys?: boolean }): void;
  /** Moves the clock and settles everything that became due (pending charges, refunds, expiries, schedules). */
  advance(seconds: number): void;
  injectFault(fault: FaultInput): void;
  notifications(): readonly NotificationRecord[];
  setPublicBaseUrl(url: string): void;
  setIpnUrl(url: string | null): void;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'content-type, authorization',
};

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const clock =
    options.clock ??
    createClock({ ...(options.start !== undefined ? { start: options.start } : {}), frozen: options.frozenClock ?? false });
  let baseUrl = (options.publicBaseUrl ?? 'http://127.0.0.1:4010').replace(/\/+$/, '');
  const merchantId = options.merchantId ?? 'SANDBOXMERCHANT01';
  const store = new Store(clock, { ...DEFAULT_TIMINGS, ...options.timings });
  const keys = new KeyRegistry();
  for (const key of options.keys ?? []) keys.register(key.publicKeyId, key.publicKey);
  const reports = new ReportService(store, () => merchantId);
  const ipn = new IpnDispatcher(
    {
      url: options.ipnUrl ?? null,
      signatureVersion: options.ipnSignatureVersion ?? '2',
      retryDelaysMs: options.ipnRetryDelaysMs ?? [1000, 2000, 4000, 8000, 16000],
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    },
    () => merchantId,
    () => baseUrl,
  );
  ipn.attach(store);
  // Expiry sweeps (https://developer.amazon.com/docs/amazon-pay-api-v2/introduction.html): 24 h sessions, 30-day
  // authorizations, 180-day permissions.
  store.onTick((now) => {
    expireCheckoutSessions(store, now);
    expireCharges(store, now);
    expireChargePermissions(store, now);
  });

  const ctx: SandboxContext = {
    clock,
    store,
    keys,
    idempotency: new IdempotencyStore(),
    faults: new FaultInjector(),
    ipn,
    reports,
    merchantId,
    ecomcharge: {
      shopId: options.ecomcharge?.shopId ?? '1',
      secretKey: options.ecomcharge?.secretKey ?? 'sandbox-secret',
      seed: options.ecomcharge?.seed ?? 42,
    },
    publicBaseUrl: () => baseUrl,
  };

  const reset = (opts: { keys?: boolean } = {}) => {
    store.reset();
    reports.reset();
    ctx.idempotency.clear();
    ctx.faults.clear();
    ipn.reset();
    if (opts.keys) keys.clear();
  };
  const advance = (seconds: number) => {
    clock.advance(seconds);
    store.tick();
  };

  async function handleRaw(request: RawRequest): Promise<Response> {
    const path = request.url.pathname;
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: CORS });
    const resource = apiResourcePath(path);
    if (resource !== null) return handleAmazonPay(ctx, request, resource);
    if (path.startsWith('/__sandbox/')) {
      return withCors(
        await handleControl(
          ctx,
          { reset: (o) => reset(o), advance },
          request,
          path.slice('/__sandbox/'.length).replace(/\/+$/, ''),
        ),
      );
    }
    if (path.startsWith('/ecomcharge/api/')) {
      const ecom = { ...ctx.ecomcharge, ...(options.ecomcharge?.pageSize ? { pageSize: options.ecomcharge.pageSize } : {}) };
      return handleEcomcharge(request, path.slice('/ecomcharge/api/'.length).replace(/\/+$/, ''), ecom);
    }
    if (path === '/checkout.js') {
      return new Response(checkoutJs(baseUrl), {
        headers: { 'content-type': 'application/javascript; charset=utf-8', 'cache-control': 'no-store', ...CORS },
      });
    }
    const hosted = await handleHosted(ctx, request);
    if (hosted)
      return path.startsWith('/checkout/start') ||
        path.startsWith('/checkout/verify-button') ||
        path.startsWith('/checkout/signout')
        ? withCors(hosted)
        : hosted;
    if (path === '/' || path === '') {
      return html(
        200,
        layout(
          'Sandbox',
          `<h1>Offline Amazon Pay sandbox</h1><p class="lead">API at <code>/v2/…</code>, checkout.js at <code>/checkout.js</code>, controls at <code>/__sandbox/…</code>, eComCharge at <code>/ecomcharge/api/…</code>.</p>`,
        ),
      );
    }
    return json(404, { reasonCode: 'ResourceNotFound', message: `Nothing at ${path}.` });
  }

  const handle = async (request: Request) => handleRaw(await rawFromRequest(request));
  const fetchLike = (async (input: RequestInfo | URL, init?: RequestInit) => handle(new Request(input, init))) as typeof fetch;

  return {
    handle,
    handleRaw,
    fetch: fetchLike,
    clock,
    store,
    reports,
    ipn,
    context: ctx,
    registerKey: (id, pem) => keys.register(id, pem),
    reset,
    advance,
    injectFault: (fault) => ctx.faults.add(fault),
    notifications: () => ipn.sent,
    setPublicBaseUrl: (url) => {
      baseUrl = url.replace(/\/+$/, '');
    },
    setIpnUrl: (url) => ipn.setUrl(url),
  };
}

function withCors(response: Response): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(CORS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, headers });
}
