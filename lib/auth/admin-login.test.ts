import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/connection';
import { testDatabaseTargets } from '@/test/databases';
import { ADMIN_LOGIN_RULES, adminAccountFrom, attemptAdminLogin } from './admin-login';

const EMAIL = 'owner@example.com';
const PASSWORD = 'correct horse battery';

describe.each(testDatabaseTargets)('admin sign-in on $name', (target) => {
  let handle: DatabaseHandle;
  const account = adminAccountFrom(EMAIL, PASSWORD);

  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  it('accepts the configured admin, case-insensitively on the email', async () => {
    const result = await attemptAdminLogin(handle.db, account, {
      email: ' Owner@Example.com ',
      password: PASSWORD,
      ip: '198.51.100.1',
    });
    expect(result).toEqual({ ok: true, email: EMAIL });
  });

  it('refuses a wrong password or email', async () => {
    const ip = '198.51.100.2';
    expect(await attemptAdminLogin(handle.db, account, { email: EMAIL, password: 'nope', ip })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await attemptAdminLogin(handle.db, account, { email: 'x@example.com', password: PASSWORD, ip })).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('checks no more than the limit of concurrent wrong passwords', async () => {
    const email = 'raced@example.com';
    const raced = adminAccountFrom(email, PASSWORD);
    const now = new Date('2026-01-01T00:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 30 }, () => attemptAdminLogin(handle.db, raced, { email, password: 'wrong', ip: '203.0.113.7' }, now)),
    );
    expect(results.filter((result) => !result.ok && result.reason === 'invalid')).toHaveLength(ADMIN_LOGIN_RULES.perClient.limit);
    expect(results.filter((result) => !result.ok && result.reason === 'rate_limited')).toHaveLength(
      30 - ADMIN_LOGIN_RULES.perClient.limit,
    );
  });

  it('lets the admin in from a client that has not failed while a guesser hammers from elsewhere', async () => {
    const email = 'hammered@example.com';
    const hammered = adminAccountFrom(email, PASSWORD);
    const now = new Date('2026-01-02T00:00:00Z');
    for (let attempt = 0; attempt < 12; attempt += 1) {
      await attemptAdminLogin(handle.db, hammered, { email, password: `guess-${attempt}`, ip: '203.0.113.66' }, now);
    }
    expect(await attemptAdminLogin(handle.db, hammered, { email, password: PASSWORD, ip: '198.51.100.20' }, now)).toEqual({
      ok: true,
      email,
    });
  });

  it('delays rather than locks: past the limit, attempts are admitted further and further apart', async () => {
    const email = 'delayed@example.com';
    const delayed = adminAccountFrom(email, PASSWORD);
    const ip = '203.0.113.8';
    const start = new Date('2026-01-03T00:00:00Z');
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    const attempt = (password: string, seconds: number) =>
      attemptAdminLogin(handle.db, delayed, { email, password, ip }, at(seconds));
    for (let failure = 0; failure < ADMIN_LOGIN_RULES.perClient.limit; failure += 1) {
      expect(await attempt('wrong', 0)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await attempt(PASSWORD, 1)).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await attempt('wrong', 2)).toEqual({ ok: false, reason: 'invalid' });
    // The next one waits until 4 s after the window opened; refused attempts do not move that.
    expect(await attempt(PASSWORD, 3)).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await attempt(PASSWORD, 3.5)).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await attempt(PASSWORD, 4)).toEqual({ ok: true, email });
    // Success clears this client's count.
    expect(await attempt('wrong', 4)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('counts every client as one when no trusted proxy names them', async () => {
    const email = 'anonymous@example.com';
    const anonymous = adminAccountFrom(email, PASSWORD);
    const now = new Date('2026-01-04T00:00:00Z');
    for (let failure = 0; failure < ADMIN_LOGIN_RULES.perClient.limit; failure += 1) {
      await attemptAdminLogin(handle.db, anonymous, { email, password: 'wrong', ip: null }, now);
    }
    expect(await attemptAdminLogin(handle.db, anonymous, { email, password: PASSWORD, ip: null }, now)).toEqual({
      ok: false,
      reason: 'rate_limited',
    });
  });

  it('limits failed attempts per IP across emails', async () => {
    const ip = '192.0.2.77';
    const now = new Date('2026-02-01T00:00:00Z');
    for (let attempt = 0; attempt < ADMIN_LOGIN_RULES.perIp.limit; attempt += 1) {
      await attemptAdminLogin(handle.db, account, { email: `guess${attempt}@example.com`, password: 'x', ip }, now);
    }
    expect(await attemptAdminLogin(handle.db, account, { email: EMAIL, password: PASSWORD, ip }, now)).toEqual({
      ok: false,
      reason: 'rate_limited',
    });
  });

  it('says when no admin is configured', async () => {
    expect(await attemptAdminLogin(handle.db, undefined, { email: EMAIL, password: PASSWORD, ip: '1.1.1.1' })).toEqual({
      ok: false,
      reason: 'not_configured',
    });
  });
});
