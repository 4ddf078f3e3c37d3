import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { readCookie, setCookie } from '@/lib/cookies';

/**
 * A long-lived random cookie that marks this browser. Orders keep only its hash, so a
 * confirmation page opens for the browser that placed the order and nobody else.
 */
const SHOPPER_COOKIE = 'shopper';

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function currentShopperTokenHash(): Promise<string | null> {
  const token = await readCookie(SHOPPER_COOKIE);
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? hash(token) : null;
}

/** Server actions and route handlers only (it may set the cookie). */
export async function ensureShopperTokenHash(): Promise<string> {
  const existing = await currentShopperTokenHash();
  if (existing) return existing;
  const token = randomBytes(32).toString('base64url');
  await setCookie(SHOPPER_COOKIE, token, { maxAgeDays: 365 });
  return hash(token);
}

/**
 * A public mark of the browser with this token hash, for the checkout session it starts:
 * it names the browser without letting anyone act as it (the token stays in the cookie).
 */
export function checkoutOwnerTag(tokenHash: string): string {
  return createHash('sha256').update(`checkout-owner\n${tokenHash}`).digest('base64url').slice(0, 32);
}
