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

  it('limits failed attempts per email, even with the right password, until the window passes', async () => {
    const email = 'limited@example.com';
    const account = adminAccountFrom(email, PASSWORD);
    const start = new Date('2026-01-01T00:00:00Z');
    for (let attempt = 0; attempt < ADMIN_LOGIN_RULES.perEmail.limit; attempt += 1) {
      const result = await attemptAdminLogin(handle.db, account, { email, password: 'wrong', ip: `203.0.113.${attempt}` }, start);
      expect(result).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await attemptAdminLogin(handle.db, account, { email, password: PASSWORD, ip: '203.0.113.99' }, start)).toEqual({
      ok: false,
      reason: 'rate_limited',
    });
    const later = new Date(start.getTime() + (ADMIN_LOGIN_RULES.perEmail.windowSeconds + 1) * 1000);
    expect(await attemptAdminLogin(handle.db, account, { email, password: PASSWORD, ip: '203.0.113.99' }, later)).toEqual({
      ok: true,
      email,
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
