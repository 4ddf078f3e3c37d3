import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/connection';
import { testDatabaseTargets } from '@/test/databases';

/**
 * Sessions end when their row says so: next-auth's jwt callback asks on every read, so
 * signing out, signing out everywhere and a changed ADMIN_PASSWORD end a token at once.
 */

const { state } = vi.hoisted(() => ({ state: { db: undefined as unknown } }));
vi.mock('@/lib/db', () => ({ getDb: async () => state.db }));
vi.stubEnv('AUTH_SECRET', 'a-test-session-secret-of-at-least-32-characters');
vi.stubEnv('ADMIN_EMAIL', 'owner@example.com');
vi.stubEnv('ADMIN_PASSWORD', 'correct horse battery');

const { adminSubject, isSessionOpen, listOpenSessions, openSession, revokeSubject } = await import('./sessions');
const { currentAdminCredential, getAuthOptions } = await import('./options');
const { adminCredentialDigest } = await import('./credential');

describe.each(testDatabaseTargets)('session rows on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
    state.db = handle.db;
  });
  afterAll(async () => handle?.close());

  async function callbacks() {
    const options = await getAuthOptions();
    type Jwt = (params: { token: Record<string, unknown>; user?: Record<string, unknown> }) => Promise<Record<string, unknown>>;
    return {
      jwt: options.callbacks!.jwt as unknown as Jwt,
      signOut: options.events!.signOut as unknown as (message: { token: Record<string, unknown> }) => Promise<void>,
    };
  }
  const admin = { id: 'admin:owner@example.com', email: 'owner@example.com', role: 'admin', userAgent: 'Test browser' };

  it('keeps a token valid while its session is open, and refuses it once signed out', async () => {
    const { jwt, signOut } = await callbacks();
    const token = await jwt({ token: {}, user: admin });
    expect(token.sid).toMatch(/^[0-9a-f-]{36}$/);
    await expect(jwt({ token })).resolves.toMatchObject({ role: 'admin' });
    await signOut({ token });
    await expect(jwt({ token })).rejects.toThrow('The session has ended.');
  });

  it('refuses a token from before session rows, which names none', async () => {
    const { jwt } = await callbacks();
    await expect(jwt({ token: { role: 'admin' } })).rejects.toThrow('The session has ended.');
  });

  it('signs a person out everywhere, and lists only the sessions still open', async () => {
    const { jwt } = await callbacks();
    const first = await jwt({ token: {}, user: admin });
    const second = await jwt({ token: {}, user: admin });
    const shopper = await jwt({ token: {}, user: { id: 'B1', role: 'shopper', buyerId: 'B1' } });
    const credential = await currentAdminCredential();
    const open = await listOpenSessions(handle.db, adminSubject('owner@example.com'), credential);
    expect(open.map((session) => session.id)).toEqual(expect.arrayContaining([first.sid, second.sid]));
    expect(open[0]).toMatchObject({ userAgent: 'Test browser' });

    expect(await revokeSubject(handle.db, adminSubject('owner@example.com'))).toBeGreaterThanOrEqual(2);
    await expect(jwt({ token: first })).rejects.toThrow();
    await expect(jwt({ token: second })).rejects.toThrow();
    await expect(jwt({ token: shopper })).resolves.toMatchObject({ role: 'shopper' });
    expect(await listOpenSessions(handle.db, adminSubject('owner@example.com'), credential)).toEqual([]);
  });

  it('ends admin sessions opened with other credentials: a changed ADMIN_PASSWORD signs everyone out', async () => {
    const before = await adminCredentialDigest(
      'a-test-session-secret-of-at-least-32-characters',
      'owner@example.com',
      'the old password',
    );
    const sid = await openSession(handle.db, {
      subject: adminSubject('owner@example.com'),
      role: 'admin',
      credential: before,
      userAgent: null,
      clientIp: null,
      maxAgeSeconds: 3600,
    });
    const { jwt } = await callbacks();
    await expect(jwt({ token: { role: 'admin', sid } })).rejects.toThrow();
    // Refused for good: the row is revoked, whatever credentials come later.
    expect(await isSessionOpen(handle.db, sid, { credential: before })).toBe(false);
  });

  it('ends a session at its expiry', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const sid = await openSession(
      handle.db,
      { subject: 'shopper:B2', role: 'shopper', credential: null, userAgent: null, clientIp: null, maxAgeSeconds: 60 },
      now,
    );
    expect(await isSessionOpen(handle.db, sid, { credential: null }, new Date(now.getTime() + 59_000))).toBe(true);
    expect(await isSessionOpen(handle.db, sid, { credential: null }, new Date(now.getTime() + 60_000))).toBe(false);
  });
});
