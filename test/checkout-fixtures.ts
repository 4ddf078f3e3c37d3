import { expect } from 'vitest';
import { addToCart, createCart, loadCart, type Cart } from '@/lib/cart/cart';
import { buildCheckoutSessionPayload } from '@/lib/checkout/button-payload';
import { reviewUrlFor } from '@/lib/checkout/checkout-owner';
import { completeCheckout } from '@/lib/checkout/complete';
import type { AmazonPayClient } from '@/lib/amazon-pay';
import { placeOrder, quoteCheckout, type PlaceOrderInput } from '@/lib/checkout/place-order';
import type { ShippingMethod } from '@/lib/checkout/pricing';
import { reshapeCheckoutSession } from '@/lib/checkout/reshape';
import type { Database } from '@/lib/db/connection';
import type { Harness } from '@/test/sandbox-harness';

/** Test-only: the shopper's side of a checkout, driven against the in-process sandbox. */

export const SHIP_TO = ['US', 'CA'];

export async function cartWith(db: Database, ...slugs: string[]): Promise<Cart> {
  const cartId = await createCart(db, 'USD');
  for (const slug of slugs) await addToCart(db, cartId, slug, 1);
  return loadCart(db, cartId, 'USD');
}

const SHOP_ORIGIN = 'https://shop.test';

/**
 * The button click, then the buyer's choices on Amazon's pages. Returns the session id.
 * With a shopper, the session belongs to that browser, as the signed button makes it.
 */
export async function sessionChosenBy(
  h: Harness,
  cart: Cart,
  { shopperTokenHash, ...choice }: { card: string; address?: number; shopperTokenHash?: string },
): Promise<string> {
  const session = await h.client.createCheckoutSession(
    buildCheckoutSessionPayload({
      lines: cart.lines.map((line) => ({ kind: line.product.kind, lineTotal: line.lineTotal })),
      storeId: 'amzn1.application-oa2-client.test',
      storeName: 'Test Store',
      reviewUrl: shopperTokenHash ? reviewUrlFor(SHOP_ORIGIN, shopperTokenHash) : `${SHOP_ORIGIN}/checkout/review`,
      cancelUrl: `${SHOP_ORIGIN}/cart?payment=BuyerCanceled`,
      shipToCountries: SHIP_TO,
    }),
  );
  const picked = await h.control('POST', `checkout-sessions/${session.checkoutSessionId}/buyer`, { buyer: 'jane', ...choice });
  expect(picked.status).toBe(200);
  return session.checkoutSessionId;
}

/** What Place order sends for a cart: the snapshot is the one the review page would show for it. */
export async function placeInput(
  client: AmazonPayClient,
  cart: Cart,
  checkoutSessionId: string,
  shopperTokenHash: string,
  options: { shipToCountries?: string[]; shippingMethod?: ShippingMethod } = {},
): Promise<PlaceOrderInput> {
  const shipToCountries = options.shipToCountries ?? SHIP_TO;
  const shippingMethod = options.shippingMethod ?? 'standard';
  let review = reshapeCheckoutSession(await client.getCheckoutSession(checkoutSessionId));
  // A session started for no browser in particular is taken to be this shopper's.
  if (review.ownerTag === null) {
    const reviewUrl = reviewUrlFor(SHOP_ORIGIN, shopperTokenHash);
    review = reshapeCheckoutSession(
      await client.updateCheckoutSession(checkoutSessionId, { webCheckoutDetails: { checkoutReviewReturnUrl: reviewUrl } }),
    );
  }
  return {
    cart,
    checkoutSessionId,
    shippingMethod,
    shipToCountries,
    storeName: 'Test Store',
    resultUrl: `${SHOP_ORIGIN}/checkout/result`,
    shopperTokenHash,
    confirmedSnapshot: quoteCheckout(cart, review, { shippingMethod, shipToCountries }).snapshot,
  };
}

/** A whole checkout: cart, Amazon's pages, place order, the processing page and completion. */
export async function completedOrder(
  db: Database,
  h: Harness,
  options: { slugs: string[]; card: string; shopperTokenHash: string },
) {
  const cart = await cartWith(db, ...options.slugs);
  const checkoutSessionId = await sessionChosenBy(h, cart, { card: options.card, address: 0 });
  const placed = await placeOrder(db, h.client, await placeInput(h.client, cart, checkoutSessionId, options.shopperTokenHash));
  await h.page(placed.redirectUrl);
  await completeCheckout(db, h.client, { checkoutSessionId, shopperTokenHash: options.shopperTokenHash });
  const session = await h.client.getCheckoutSession(checkoutSessionId);
  return {
    number: placed.orderNumber,
    checkoutSessionId,
    chargeId: session.chargeId!,
    chargePermissionId: session.chargePermissionId!,
  };
}
