import { UserFacingError } from '@/lib/errors';
import { checkoutReviewPath } from './return-paths';
import { checkoutOwnerTag } from './shopper-token';

/**
 * A checkout session belongs to the browser that signed its button. The signed payload's
 * checkoutReviewReturnUrl carries that browser's owner tag, and Amazon keeps it with the
 * session (webCheckoutDetails, https://developer.amazon.com/docs/amazon-pay-api-v2/checkout-session.html),
 * so every instance can tell whose session it is without storing anything, and nobody can
 * move a session to another browser: changing the URL would break the payload's signature.
 */
const OWNER_PARAM = 'owner';

/** checkoutReviewReturnUrl for this browser, with a "buy now" checkout's own cart when it has one. */
export function reviewUrlFor(origin: string, shopperTokenHash: string, query: { cart?: string | undefined } = {}): string {
  const url = new URL(`${origin}${checkoutReviewPath(query)}`);
  url.searchParams.set(OWNER_PARAM, checkoutOwnerTag(shopperTokenHash));
  return url.toString();
}

/** The owner tag in a session's checkoutReviewReturnUrl, if it has one. */
export function ownerTagOf(reviewReturnUrl: string | null | undefined): string | null {
  if (!reviewReturnUrl) return null;
  try {
    return new URL(reviewReturnUrl).searchParams.get(OWNER_PARAM);
  } catch {
    return null;
  }
}

/** Says nothing of the session, its buyer or its address: the asker is not its shopper. */
export class ForeignCheckoutError extends UserFacingError {
  constructor() {
    super('This checkout was started in another browser. Please start again from your cart.', 'foreign_checkout');
  }
}

export function isCheckoutOwner(review: { ownerTag: string | null }, shopperTokenHash: string | null): boolean {
  return review.ownerTag !== null && shopperTokenHash !== null && review.ownerTag === checkoutOwnerTag(shopperTokenHash);
}

export function assertCheckoutOwner(review: { ownerTag: string | null }, shopperTokenHash: string | null): void {
  if (!isCheckoutOwner(review, shopperTokenHash)) throw new ForeignCheckoutError();
}
