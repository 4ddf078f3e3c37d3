import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { readCookie } from '@/lib/cookies';
import { UserFacingError } from '@/lib/errors';

/**
 * A long-lived random cookie that marks this browser. Orders keep only its hash, so a
 * confirmation page opens for the browser that placed the order and nobody else.
 *
 * The proxy mints it on the first page a browser loads, never a checkout action: two
 * actions racing from a browser without it would each mint their own, and an order bound
 * to the token the browser did not keep could never be opened or completed.
 */
export const SHOPPER_COOKIE = 'shopper';
export const SHOPPER_COOKIE_MAX_AGE_DAYS = 365;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function isShopperToken(value: string | undefined): value is string {
  return value !== undefined && TOKEN_PATTERN.test(value);
}

export function mintShopperToken(): string {
  return randomBytes(32).toString('base64url');
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function currentShopperTokenHash(): Promise<string | null> {
  const token = await readCookie(SHOPPER_COOKIE);
  return isShopperToken(token) ? hash(token) : null;
}

export class MissingShopperCookieError extends UserFacingError {
  constructor() {
    super('Your browser session could not be confirmed. Please reload the page and try again.', 'missing_shopper_cookie');
  }
}

/** For checkout actions: this browser's token hash, or a refusal that changes nothing. */
export async function requireShopperTokenHash(): Promise<string> {
  const existing = await currentShopperTokenHash();
  if (!existing) throw new MissingShopperCookieError();
  return existing;
}
