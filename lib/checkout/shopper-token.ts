import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { cookies } from 'next/headers';

/**
 * A long-lived random cookie that marks this browser. Orders keep only its hash, so a
 * confirmation page opens for the browser that placed the order and nobody else.
 */
const SHOPPER_COOKIE = 'shopper';

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function currentShopperTokenHash(): Promise<string | null> {
  const token = (await cookies()).get(SHOPPER_COOKIE)?.value;
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? hash(token) : null;
}

/** Server actions and route handlers only (it may set the cookie). */
export async function ensureShopperTokenHash(): Promise<string> {
  const existing = await currentShopperTokenHash();
  if (existing) return existing;
  const token = randomBytes(32).toString('base64url');
  (await cookies()).set(SHOPPER_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: process.env.NODE_ENV === 'production',
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
  });
  return hash(token);
}
