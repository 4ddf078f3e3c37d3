import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { NextRequest } from 'next/server';
import type { Session } from 'next-auth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/connection';
import { openDatabase } from '@/lib/db/connection';
import { NavigationMarker } from '@/test/next-navigation';

/**
 * Every route handler and server action, found on the file system, fed generated input
 * (NUL bytes, long strings, impossible dates, broken cursors and JSON) as the admin and as
 * nobody: none may answer 5xx, throw, or say anything of a stack, a query or the driver.
 * The database is a real in-memory PGlite; Amazon Pay and eComCharge refuse every call.
 */

const { state } = vi.hoisted(() => ({ state: { db: undefined as unknown, session: null as unknown } }));

vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => state.session,
}));
vi.mock('@/lib/auth/options', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/auth/options')>()),
  getAuthOptions: async () => ({ providers: [] }),
}));
vi.mock('@/lib/db', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  getDb: async () => state.db,
}));
vi.mock('@/lib/amazon-pay/server', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/amazon-pay/server')>();
  const { AmazonPayError } = await import('@/lib/amazon-pay/errors');
  const refusing = new Proxy(
    {},
    {
      get: (_target, operation) => async () => {
        throw new AmazonPayError({
          operation: String(operation),
          status: 404,
          reasonCode: 'ResourceNotFound',
          message: 'not found',
          retryable: false,
        });
      },
    },
  );
  return { ...original, getAmazonPay: () => refusing };
});
vi.mock('@/lib/jobs', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  enqueueOrderFinish: async () => undefined,
  enqueueIpnProcessing: async () => undefined,
}));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'localhost:3000', origin: 'http://localhost:3000' }),
  cookies: async () => ({
    get: () => undefined,
    getAll: () => [],
    has: () => false,
    set: () => undefined,
    delete: () => undefined,
  }),
}));
vi.mock('next/cache', () => ({
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
  unstable_cache: <F>(fn: F) => fn,
}));
vi.mock('next/navigation', (importOriginal) =>
  import('@/test/next-navigation').then((navigation) => navigation.throwingNavigation(importOriginal)),
);

const ROOT = process.cwd();
const filesUnder = (dir: string) =>
  readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();

// next-auth's own route is proved in lib/auth/auth-request.test.ts: it needs next-auth's runtime.
const routes = filesUnder('app').filter((file) => file.endsWith('/route.ts') && !file.includes('[...nextauth]'));
const actionModules = filesUnder('components').filter(
  (file) => /actions\.ts$/.test(file) && /^\s*['"]use server['"]/.test(readFileSync(path.join(ROOT, file), 'utf8')),
);
const load = (file: string) => import(/* @vite-ignore */ path.join(ROOT, file)) as Promise<Record<string, unknown>>;

/** What a stranger must never read: a stack frame, a query, a driver or validator message. */
const INTERNAL_TEXT =
  /\n\s+at |\.tsx?:\d+|Failed query|\bselect .+ from\b|\binsert into\b|syntax error|violates .+ constraint|invalid byte sequence|PGlite|PostgresError|ZodError|TypeError|ReferenceError|Cannot read prop/i;

const FIELDS = [
  'q',
  'after',
  'before',
  'size',
  'sort',
  'dir',
  'status',
  'paymentState',
  'fulfilment',
  'from',
  'to',
  'cursor',
  'amazonCheckoutSessionId',
  'reportType',
  'startTime',
  'endTime',
  'processingStatus',
  'mode',
  'date',
  'page',
  'orderNumber',
  'chargeId',
  'amount',
  'reason',
  'refundsSeen',
  'trackingNumber',
  'carrierCode',
  'noteToBuyer',
  'customInformation',
  'merchantReferenceId',
  'merchantStoreName',
  'name',
  'id',
  'slug',
  'lineId',
  'quantity',
  'scheduleFrequency',
  'reportScheduleId',
  'placement',
  'checkoutSessionId',
  'shippingMethod',
  'confirmedSnapshot',
];

const HOSTILE = [
  '\0',
  'a\0b',
  'NW-100001\0',
  '2026-13-45',
  '0000-01-01',
  '2026-02-30',
  '9999-99-99T99:99:99Z',
  '../../etc/passwd',
  "' or 1=1 --",
  '%00',
  '{"v":"2026-99-99T00:00:00Z","id":"00000000-0000-4000-8000-000000000000"}',
  Buffer.from('{"v":"2026-13-45T25:61:61Z","id":"00000000-0000-4000-8000-000000000000"}').toString('base64url'),
  Buffer.from('{"v":"0000-01-01T00:00:00Z","id":"00000000-0000-4000-8000-000000000000"}').toString('base64url'),
  Buffer.from('{"v":1e308,"id":"x"}').toString('base64url'),
  'x'.repeat(5000),
  '-1',
  '1e309',
  'NaN',
];
const hostileText = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
  { arbitrary: fc.constantFrom(...HOSTILE), weight: 4 },
);
// Each field present or absent, so a request gets past the fields it does not vary.
const fields = fc
  .record(Object.fromEntries(FIELDS.map((field) => [field, hostileText])), { requiredKeys: [] })
  .map((record) =>
    Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== undefined)),
  );
const ADMIN = { user: { role: 'admin', email: 'admin@example.com' }, expires: '2099-01-01T00:00:00Z' } as Session;
const visitors = fc.constantFrom<[string, Session | null]>(['the admin', ADMIN], ['nobody', null]);

function paramsFor(file: string, value: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [, name] of file.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)) if (name) params[name] = value;
  return params;
}

describe('generated input never reaches a stranger as internals', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase('memory:');
    state.db = handle.db;
  });
  afterAll(async () => handle?.close());

  it('finds the routes and actions it feeds', () => {
    expect(routes).toEqual(expect.arrayContaining(['app/api/admin/orders/route.ts', 'app/api/amazon-pay/ipn/route.ts']));
    expect(actionModules).toEqual(
      expect.arrayContaining(['components/checkout/actions.ts', 'components/admin/order-actions.ts']),
    );
  });

  async function handlersOf(file: string) {
    return Object.entries(await load(file)).filter(
      (entry): entry is [string, (request: Request, context: unknown) => Promise<Response>] =>
        /^(GET|POST|PUT|PATCH|DELETE)$/.test(entry[0]) && typeof entry[1] === 'function',
    );
  }

  /** Calls every handler of a route with this input and checks what comes back. */
  async function expectCleanAnswers(file: string, query: Record<string, string>, param: string, body: string) {
    for (const [method, handler] of await handlersOf(file)) {
      const url = new URL(`http://localhost:3000/${file.replace(/^app\//, '').replace(/\/route\.ts$/, '')}`);
      for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
      const request = new NextRequest(url, {
        method,
        headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
        ...(method === 'GET' ? {} : { body }),
      });
      let response: Response;
      try {
        response = await handler(request, { params: Promise.resolve(paramsFor(file, param)) });
      } catch (error) {
        if (error instanceof NavigationMarker) continue;
        throw error;
      }
      // Read through: an export that breaks half-way is a failure too.
      const text = await response.text();
      // /api/ready answers 503 by design while a dependency is down; that is its whole job.
      if (!file.startsWith('app/api/ready/')) {
        expect(response.status, `${method} ${url} → ${text.slice(0, 200)}`).toBeLessThan(500);
      }
      expect(text).not.toMatch(INTERNAL_TEXT);
    }
  }

  it.each(routes)('route %s, each field with each hostile value, as the admin', async (file) => {
    state.session = ADMIN;
    for (const field of FIELDS) {
      for (const value of HOSTILE) await expectCleanAnswers(file, { [field]: value }, value, value);
    }
  });

  it.each(routes)('route %s, generated combinations', async (file) => {
    await fc.assert(
      fc.asyncProperty(visitors, fields, hostileText, hostileText, async ([, session], query, param, body) => {
        state.session = session;
        await expectCleanAnswers(file, query, param, body);
      }),
      { numRuns: 40 },
    );
  });

  it.each(actionModules)('actions in %s', async (file) => {
    const actions = Object.entries(await load(file)).filter(([, value]) => typeof value === 'function');
    await fc.assert(
      fc.asyncProperty(visitors, fields, async ([, session], values) => {
        state.session = session;
        const form = new FormData();
        for (const [key, value] of Object.entries(values)) form.set(key, value);
        for (const [name, action] of actions) {
          for (const args of [[null, form], [values], [values.q, values.id]]) {
            let result: unknown;
            try {
              result = await (action as (...args: unknown[]) => unknown)(...args);
            } catch (error) {
              if (error instanceof NavigationMarker) continue;
              throw new Error(`${name} in ${file} threw ${String(error)}`);
            }
            expect(JSON.stringify(result) ?? '', name).not.toMatch(INTERNAL_TEXT);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
