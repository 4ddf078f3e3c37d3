import 'server-only';
import { failure } from '@/lib/action-result';
import { getCheckoutCart, type Cart } from '@/lib/cart';
import { getConfig } from '@/lib/config';
import { checkoutScriptUrl, getAmazonPay } from '@/lib/amazon-pay/server';
import { quoteCheckout, type CheckoutQuote } from './place-order';
import { cartShips, shippingOptions, type ShippingMethod, type ShippingOption } from './pricing';
import { assertCheckoutOwner } from './checkout-owner';
import { reshapeCheckoutSession } from './reshape';
import { currentShopperTokenHash } from './shopper-token';

export type CheckoutReviewView =
  | { kind: 'unavailable'; message: string }
  | { kind: 'ended' }
  | (CheckoutQuote & {
      kind: 'open';
      cart: Cart;
      ships: boolean;
      shippingOptions: ShippingOption[];
      scriptUrl: string;
    });

/**
 * Everything the review page shows: the shopper's cart (or the checkout's "buy now" cart) priced for the address and method
 * chosen on Amazon. A failure to read the session is an answer for the page, in words.
 */
export async function loadCheckoutReview(
  checkoutSessionId: string,
  shippingMethod: ShippingMethod,
  buyNowCartId?: string,
): Promise<CheckoutReviewView> {
  const config = getConfig();
  const cart = await getCheckoutCart(buyNowCartId);

  let quote: CheckoutQuote;
  try {
    const review = reshapeCheckoutSession(await getAmazonPay().getCheckoutSession(checkoutSessionId));
    assertCheckoutOwner(review, await currentShopperTokenHash());
    quote = quoteCheckout(cart, review, { shippingMethod, shipToCountries: config.store.shipToCountries });
  } catch (error) {
    return { kind: 'unavailable', message: failure(error, 'checkout.review').message };
  }
  if (quote.review.state !== 'Open') return { kind: 'ended' };

  const scriptUrl = checkoutScriptUrl();
  const priced = cart.lines.map((line) => ({ kind: line.product.kind, unitPrice: line.product.price, quantity: line.quantity }));
  const ships = cartShips(priced);
  const options = ships ? shippingOptions(priced, cart.currency, quote.review.shippingAddress?.countryCode) : [];
  return { kind: 'open', ...quote, cart, ships, shippingOptions: options, scriptUrl };
}
