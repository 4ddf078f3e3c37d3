import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { BodyTooLargeError, MAX_BODY_BYTES } from '@/lib/request-body';

const { dbFailure } = vi.hoisted(() => ({ dbFailure: vi.fn() }));
vi.mock('@/lib/db', () => ({
  getDb: async () => {
    dbFailure();
    throw new Error('Failed query: insert into "rate_limit_buckets" ("key") values ($1)');
  },
}));
vi.stubEnv('AUTH_SECRET', 'a-test-session-secret-of-at-least-32-characters');
vi.stubEnv('ADMIN_EMAIL', 'owner@example.com');
vi.stubEnv('ADMIN_PASSWORD', 'correct horse battery');

const { isOwnCallbackUrl, ownOriginRedirect, sanitizedAuthRequest } = await import('./auth-request');
const { getAuthOptions } = await import('./options');

const ORIGIN = 'http://localhost:3000';

describe('callback URLs', () => {
  it('follows only paths and URLs on the shop’s own origin', () => {
    expect(isOwnCallbackUrl('/admin/orders', ORIGIN)).toBe(true);
    expect(isOwnCallbackUrl(`${ORIGIN}/admin`, ORIGIN)).toBe(true);
    for (const foreign of ['https://evil.test/', '//evil.test/x', 'javascript:alert(1)', 'http://localhost:3001/', 'http://[']) {
      expect(isOwnCallbackUrl(foreign, ORIGIN), foreign).toBe(false);
    }
  });

  it('redirects anywhere asked only within the origin, and never throws', () => {
    fc.assert(
      fc.property(fc.string(), (url) => {
        const target = ownOriginRedirect({ url, baseUrl: ORIGIN });
        expect(new URL(target).origin).toBe(ORIGIN);
      }),
    );
  });

  it('drops a callbackUrl next-auth could not parse before next-auth sees it', async () => {
    const request = new NextRequest(`${ORIGIN}/api/auth/signin?callbackUrl=${encodeURIComponent('http://[')}&x=1`);
    const sanitized = await sanitizedAuthRequest(request, ORIGIN);
    expect(sanitized.nextUrl.searchParams.has('callbackUrl')).toBe(false);
    expect(sanitized.nextUrl.searchParams.get('x')).toBe('1');
  });

  it('refuses a body over the limit without reading it all', async () => {
    const request = new NextRequest(`${ORIGIN}/api/auth/callback/admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a'.repeat(MAX_BODY_BYTES + 1),
    });
    await expect(sanitizedAuthRequest(request, ORIGIN)).rejects.toThrow(BodyTooLargeError);
  });
});

describe('admin authorize()', () => {
  async function adminAuthorize() {
    // next-auth keeps a credentials provider's own settings, authorize() among them, under options.
    const providers = (await getAuthOptions()).providers as unknown as Array<{
      options: { id: string; authorize: (credentials: unknown, request: unknown) => Promise<unknown> };
    }>;
    const admin = providers.find((provider) => provider.options.id === 'admin')!;
    return (credentials: unknown) => admin.options.authorize(credentials, { headers: {} });
  }

  it('refuses a NUL byte in the email before the database hears of it', async () => {
    const authorize = await adminAuthorize();
    expect(await authorize({ email: 'owner@example.com\0', password: 'x' })).toBeNull();
    expect(dbFailure).not.toHaveBeenCalled();
  });

  it('turns a failure inside into a reason code, never the driver’s text', async () => {
    const authorize = await adminAuthorize();
    await expect(authorize({ email: 'owner@example.com', password: 'x' })).rejects.toThrow(/^unavailable$/);
    expect(dbFailure).toHaveBeenCalled();
  });
});
