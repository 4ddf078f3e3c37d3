import { timingSafeEqual } from 'node:crypto';
import type { Database } from '@/lib/db/connection';
import { isLimited, recordHit, resetHits, type RateLimitRule } from '@/lib/rate-limit';
import { hashPassword, verifyPassword, type PasswordHash } from './password';

export const ADMIN_LOGIN_RULES = {
  perIp: { limit: 20, windowSeconds: 15 * 60 },
  perEmail: { limit: 5, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;

export type AdminLoginResult = { ok: true; email: string } | { ok: false; reason: 'invalid' | 'rate_limited' | 'not_configured' };

export interface AdminAccount {
  email: string;
  password: PasswordHash;
}

let cachedAccount: { source: string; account: Promise<AdminAccount> } | undefined;

/** The configured admin, with the password kept only as a scrypt hash in memory. */
export function adminAccountFrom(email: string | undefined, password: string | undefined): Promise<AdminAccount> | undefined {
  if (!email || !password) return undefined;
  const source = `${email}\n${password}`;
  if (cachedAccount?.source !== source) {
    cachedAccount = { source, account: hashPassword(password).then((hash) => ({ email: email.toLowerCase(), password: hash })) };
  }
  return cachedAccount.account;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks the admin's credentials. Attempts are limited per client IP and per email,
 * counted in the database, and a limited caller is refused before any password work.
 */
export async function attemptAdminLogin(
  db: Database,
  account: Promise<AdminAccount> | undefined,
  attempt: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<AdminLoginResult> {
  if (!account) return { ok: false, reason: 'not_configured' };
  const email = attempt.email.trim().toLowerCase();
  const ipKey = `admin-login:ip:${attempt.ip}`;
  const emailKey = `admin-login:email:${email}`;
  if (
    (await isLimited(db, ipKey, ADMIN_LOGIN_RULES.perIp, now)) ||
    (await isLimited(db, emailKey, ADMIN_LOGIN_RULES.perEmail, now))
  ) {
    return { ok: false, reason: 'rate_limited' };
  }
  const admin = await account;
  const passwordMatches = await verifyPassword(attempt.password, admin.password);
  if (passwordMatches && sameText(email, admin.email)) {
    await resetHits(db, emailKey);
    return { ok: true, email: admin.email };
  }
  await recordHit(db, ipKey, ADMIN_LOGIN_RULES.perIp, now);
  await recordHit(db, emailKey, ADMIN_LOGIN_RULES.perEmail, now);
  return { ok: false, reason: 'invalid' };
}
