import { timingSafeEqual } from 'node:crypto';
import type { Database } from '@/lib/db/connection';
import { reserveAttempt, resetHits, type RateLimitRule } from '@/lib/rate-limit';
import { hashPassword, verifyPassword, type PasswordHash } from './password';

/**
 * Attempts are counted per (email, client address), so a guesser elsewhere never delays the
 * admin, and per client address across emails. Past the limit the delay grows instead of
 * locking the account: the real password is never refused outright for a window.
 */
export const ADMIN_LOGIN_RULES = {
  perClient: { limit: 5, windowSeconds: 15 * 60, progressive: true },
  perIp: { limit: 20, windowSeconds: 15 * 60, progressive: true },
} satisfies Record<string, RateLimitRule>;

export type AdminLoginResult =
  { ok: true; email: string } | { ok: false; reason: 'invalid' | 'rate_limited' | 'not_configured' | 'unavailable' };

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
 * Checks the admin's credentials. Each attempt is reserved in the database before any
 * password work, so concurrent guesses cannot outrun the count. ip is the client address
 * from a trusted proxy (lib/client-ip.ts); without one, every client shares one count.
 */
export async function attemptAdminLogin(
  db: Database,
  account: Promise<AdminAccount> | undefined,
  attempt: { email: string; password: string; ip: string | null },
  now = new Date(),
): Promise<AdminLoginResult> {
  if (!account) return { ok: false, reason: 'not_configured' };
  const email = attempt.email.trim().toLowerCase();
  const clientKey = `admin-login:client:${email}\n${attempt.ip ?? 'unknown'}`;
  const admitted =
    (await reserveAttempt(db, clientKey, ADMIN_LOGIN_RULES.perClient, now)) &&
    (attempt.ip === null || (await reserveAttempt(db, `admin-login:ip:${attempt.ip}`, ADMIN_LOGIN_RULES.perIp, now)));
  if (!admitted) return { ok: false, reason: 'rate_limited' };
  const admin = await account;
  const passwordMatches = await verifyPassword(attempt.password, admin.password);
  if (passwordMatches && sameText(email, admin.email)) {
    await resetHits(db, clientKey);
    return { ok: true, email: admin.email };
  }
  return { ok: false, reason: 'invalid' };
}
