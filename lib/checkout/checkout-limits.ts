import 'server-only';
import { headers } from 'next/headers';
import { readCartId } from '@/lib/cart';
import { clientIpFrom } from '@/lib/client-ip';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { UserFacingError } from '@/lib/errors';
import { reserveAttempt, type RateLimitRule } from '@/lib/rate-limit';

/**
 * Signing a checkout button and placing an order each cost a signature and an Amazon Pay
 * call, so a script may not repeat them without end. Counted per cart and client address,
 * and per client address (from a trusted proxy only; without one, per cart alone, so that
 * no shopper's count is anyone else's). A shopper who reviews and changes their mind a few times stays
 * far below these numbers.
 */
export const CHECKOUT_RULES = {
  perCart: { limit: 30, windowSeconds: 10 * 60 },
  perIp: { limit: 120, windowSeconds: 10 * 60 },
} satisfies Record<string, RateLimitRule>;

export type CheckoutStep = 'sign-button' | 'place-order';

export class TooManyCheckoutAttemptsError extends UserFacingError {
  constructor() {
    super('Too many checkout attempts from this browser. Please wait a few minutes and try again.', 'rate_limited');
  }
}

export async function limitCheckoutAttempts(step: CheckoutStep, now = new Date()): Promise<void> {
  const db = await getDb();
  const ip = clientIpFrom((await headers()).get('x-forwarded-for'), getConfig().network.trustedProxyHops);
  const cartId = await readCartId();
  // A browser with no cart yet ("buy now") is known by its address alone, if at all.
  const admitted =
    (cartId === undefined ||
      (await reserveAttempt(db, `checkout:${step}:cart:${cartId}\n${ip ?? 'unknown'}`, CHECKOUT_RULES.perCart, now))) &&
    (ip === null || (await reserveAttempt(db, `checkout:${step}:ip:${ip}`, CHECKOUT_RULES.perIp, now)));
  if (!admitted) throw new TooManyCheckoutAttemptsError();
}
