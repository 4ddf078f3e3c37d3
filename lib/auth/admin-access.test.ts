import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Session } from 'next-auth';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { UnauthorizedError } from '@/lib/auth';
import { NavigationMarker } from '@/test/next-navigation';

/**
 * Every admin page, action and route refuses anyone but the admin. The list comes from
 * the file system, so a page, action or route added tomorrow is checked without anyone
 * remembering to add it here. The database, Amazon and eComCharge are stubs that record
 * a touch: a handler that forgot its check fails here rather than reaching real data.
 */

const { touched, sessionMock } = vi.hoisted(() => ({ touched: [] as string[], sessionMock: vi.fn() }));

/** Replaces every function a module exports with one that records the touch and throws. */
function tripwire<T extends Record<string, unknown>>(original: T, name: string): T {
  const stubbed: Record<string, unknown> = { ...original };
  for (const [key, value] of Object.entries(original)) {
    if (typeof value !== 'function') continue;
    stubbed[key] = () => {
      touched.push(`${name}.${key}`);
      throw new Error(`${name}.${key} reached without an admin session`);
    };
  }
  return stubbed as T;
}

vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: sessionMock,
}));
vi.mock('@/lib/auth/options', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/auth/options')>()),
  // The options only matter to the real getServerSession, which is mocked; building them would read the DB.
  getAuthOptions: async () => ({ providers: [] }),
}));
vi.mock('@/lib/db', async (importOriginal) => tripwire(await importOriginal<Record<string, unknown>>(), 'db'));
vi.mock('@/lib/amazon-pay/server', async (importOriginal) =>
  tripwire(await importOriginal<Record<string, unknown>>(), 'amazonPay'),
);
vi.mock('@/lib/ecomcharge/server', async (importOriginal) =>
  tripwire(await importOriginal<Record<string, unknown>>(), 'ecomcharge'),
);
vi.mock('next/navigation', (importOriginal) =>
  import('@/test/next-navigation').then((navigation) => navigation.throwingNavigation(importOriginal)),
);
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
  headers: async () => new Headers({ host: 'localhost', origin: 'http://localhost' }),
}));
vi.mock('next/cache', () => ({
  revalidatePath: () => touched.push('next/cache.revalidatePath'),
  revalidateTag: () => touched.push('next/cache.revalidateTag'),
  unstable_cache: <F>(fn: F) => fn,
}));

const ROOT = process.cwd();

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

const SIGN_IN_PAGE = 'app/admin/login/page.tsx';
const pages = filesUnder('app/admin').filter((file) => file.endsWith('/page.tsx') && file !== SIGN_IN_PAGE);
const routes = filesUnder('app/api/admin').filter((file) => file.endsWith('/route.ts'));
const actionModules = filesUnder('components/admin').filter(
  (file) => /actions\.ts$/.test(file) && /^\s*['"]use server['"]/.test(readFileSync(path.join(ROOT, file), 'utf8')),
);

/** Plausible values for dynamic segments, so a handler gets as far as it would for a real URL. */
function paramsFor(file: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [, name] of file.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)) {
    if (name) params[name] = name === 'number' ? 'NW-100001' : 'AMZN-TEST-0001';
  }
  return params;
}

const load = (file: string) => import(/* @vite-ignore */ path.join(ROOT, file)) as Promise<Record<string, unknown>>;

const VISITORS: Array<[string, Session | null]> = [
  ['nobody signed in', null],
  ['a signed-in shopper', { user: { role: 'shopper', buyerId: 'x' }, expires: '2099-01-01T00:00:00Z' }],
];

async function outcomeOf(call: () => unknown): Promise<{ value?: unknown; error?: unknown }> {
  try {
    return { value: await call() };
  } catch (error) {
    return { error };
  }
}

describe('the admin area is enumerated from the file system', () => {
  it('finds the pages, actions and routes it must guard', () => {
    expect(pages).toEqual(expect.arrayContaining(['app/admin/page.tsx', 'app/admin/orders/page.tsx']));
    expect(routes).toEqual(expect.arrayContaining(['app/api/admin/orders/route.ts', 'app/api/admin/orders/export/route.ts']));
    expect(actionModules).toContain('components/admin/jobs/actions.ts');
  });
});

describe.each(VISITORS)('%s', (_visitor, session) => {
  beforeEach(() => {
    touched.length = 0;
    sessionMock.mockReset();
    sessionMock.mockResolvedValue(session);
  });

  it.each(pages)('page %s sends them to the sign-in page', async (file) => {
    const page = (await load(file)).default;
    expect(typeof page, `${file} has no default export`).toBe('function');
    const params = paramsFor(file);
    const { error } = await outcomeOf(() =>
      (page as (props: unknown) => unknown)({ params: Promise.resolve(params), searchParams: Promise.resolve({}) }),
    );
    expect(error, `${file} rendered for a non-admin`).toBeInstanceOf(NavigationMarker);
    expect(['redirect:/admin/login', 'notFound']).toContain((error as Error).message);
    expect(sessionMock).toHaveBeenCalled();
    expect(touched).toEqual([]);
  });

  it.each(routes)('route %s answers 401, 403 or a redirect to sign-in', async (file) => {
    const handlers = Object.entries(await load(file)).filter(
      ([name, value]) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(name) && typeof value === 'function',
    );
    expect(handlers.length, `${file} exports no handler`).toBeGreaterThan(0);
    for (const [method, handler] of handlers) {
      sessionMock.mockClear();
      const url = `http://localhost/${file.replace(/^app\//, '').replace(/\/route\.ts$/, '')}`;
      const request = new Request(url, {
        method,
        headers: { origin: 'http://localhost', 'content-type': 'application/json' },
        ...(method === 'GET' ? {} : { body: '{}' }),
      });
      const { value, error } = await outcomeOf(() =>
        (handler as (request: Request, context: unknown) => unknown)(request, { params: Promise.resolve(paramsFor(file)) }),
      );
      const refused =
        (value instanceof Response &&
          ([401, 403].includes(value.status) ||
            (value.status >= 300 && value.status < 400 && value.headers.get('location')?.includes('/admin/login')))) ||
        (error instanceof NavigationMarker && error.message === 'redirect:/admin/login') ||
        error instanceof UnauthorizedError;
      expect(refused, `${method} ${file} answered ${value instanceof Response ? value.status : String(error)}`).toBe(true);
      expect(sessionMock, `${method} ${file} never asked who is calling`).toHaveBeenCalled();
    }
    expect(touched).toEqual([]);
  });

  it.each(actionModules)('every action in %s is refused', async (file) => {
    const actions = Object.entries(await load(file)).filter(([, value]) => typeof value === 'function');
    expect(actions.length, `${file} exports no action`).toBeGreaterThan(0);
    for (const [name, action] of actions) {
      sessionMock.mockClear();
      // (previousState, formData) covers useActionState actions; plain-input actions see a non-object and must still refuse.
      const { value, error } = await outcomeOf(() => (action as (...args: unknown[]) => unknown)(null, new FormData()));
      const refused =
        error instanceof UnauthorizedError ||
        (typeof value === 'object' && value !== null && 'ok' in value && value.ok === false);
      expect(refused, `${name} in ${file} returned ${JSON.stringify(value) ?? String(error)}`).toBe(true);
      // Checking first is the rule: an action that only failed on its input has not proved it checks the role.
      expect(sessionMock, `${name} in ${file} never asked who is calling`).toHaveBeenCalled();
    }
    expect(touched).toEqual([]);
  });
});
