import { createHash } from 'node:crypto';
import type { Cart } from '@/lib/cart/cart';
import type { OrderTotals, ShippingMethod } from './pricing';
import type { CheckoutReview } from './types';

/**
 * What the shopper confirms on the review page, as one token: the lines with their prices,
 * the shipping method, the address and the totals. Place order carries the token back,
 * and the order is placed only if the server, pricing it again, arrives at the same one,
 * so nothing is charged that the shopper did not see (a second tab may have changed the
 * cart in between). The total rides along in clear, for the message when they differ.
 */
export function checkoutSnapshot(
  cart: Cart,
  review: Pick<CheckoutReview, 'shippingAddress'>,
  shippingMethod: ShippingMethod,
  totals: OrderTotals,
): string {
  const confirmed = {
    currency: cart.currency,
    lines: cart.lines.map((line) => [line.product.slug, line.quantity, line.product.price.amount]),
    shippingMethod,
    address: review.shippingAddress,
    totals: [totals.subtotal.amount, totals.shipping.amount, totals.tax.amount, totals.total.amount],
  };
  const digest = createHash('sha256').update(JSON.stringify(confirmed)).digest('base64url');
  return `${totals.total.amount}.${digest}`;
}

export const SNAPSHOT_PATTERN = /^(\d{1,12})\.[A-Za-z0-9_-]{43}$/;

/** The total (minor units) a snapshot token was made for, when the token is well formed. */
export function snapshotTotal(snapshot: string): number | null {
  const match = SNAPSHOT_PATTERN.exec(snapshot);
  return match ? Number(match[1]) : null;
}
