import type { AmazonPayClient } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import { UserFacingError } from '@/lib/errors';
import { finishOrder } from '@/lib/orders/payments/finish';
import { reserveAttempt, type RateLimitRule } from '@/lib/rate-limit';

/**
 * Each "Check again" re-reads Amazon for the order (and may complete its checkout), so it
 * is limited per order: enough for an impatient shopper, too few to hammer Amazon's
 * throttled API (https://developer.amazon.com/docs/amazon-pay-api-v2/error-handling.html).
 */
export const CHECK_AGAIN_RULE: RateLimitRule = { limit: 5, windowSeconds: 60 };

export class TooManyChecksError extends UserFacingError {
  constructor() {
    super('We are already checking with Amazon Pay. Please wait a minute before checking again.', 'rate_limited');
  }
}

/** The shopper asked to check an order they may see: re-read Amazon and finish what can be finished. */
export async function checkOrderAgain(db: Database, amazon: AmazonPayClient, orderId: string, now = new Date()): Promise<void> {
  if (!(await reserveAttempt(db, `order-check:${orderId}`, CHECK_AGAIN_RULE, now))) throw new TooManyChecksError();
  await finishOrder(db, amazon, orderId, { actor: 'shopper', now });
}
