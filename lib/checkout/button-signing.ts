import 'server-only';
import type { SignedButtonConfig, SignedButtonResult } from '@/lib/amazon-pay/button-options';
import { failure } from '@/lib/action-result';
import { createBuyNowCart, getCheckoutCart } from '@/lib/cart';
import { getConfig } from '@/lib/config';
import { ValidationError } from '@/lib/errors';
import { getAmazonPay } from '@/lib/amazon-pay/server';
import { signingOrigin } from '@/lib/request-origin';
import { buildCheckoutSessionPayload } from './button-payload';
import { reviewUrlFor } from './checkout-owner';
import { CHECKOUT_CANCEL_PATH } from './return-paths';
import { requireShopperTokenHash } from './shopper-token';

export type CheckoutButtonPlacement = { placement: 'Cart' } | { placement: 'Product'; slug: string; quantity: number };

/**
 * Signs the checkout button's payload at click time. The cart button pays for the shopper's
 * cart; "buy now" pays for a cart of its own holding just the product and quantity chosen,
 * whose id rides in the review URL so review, place order and completion use it unchanged.
 * Server actions only: the session it starts belongs to this browser's shopper cookie.
 */
export async function signCheckoutButton(button: CheckoutButtonPlacement): Promise<SignedButtonConfig> {
  const origin = await signingOrigin();
  const shopperTokenHash = await requireShopperTokenHash();
  const buyNowCartId = button.placement === 'Product' ? await createBuyNowCart(button.slug, button.quantity) : undefined;
  const cart = await getCheckoutCart(buyNowCartId);
  if (cart.lines.length === 0) throw new ValidationError('Your cart is empty.');
  const config = getConfig();
  const payload = buildCheckoutSessionPayload({
    lines: cart.lines.map((line) => ({ kind: line.product.kind, lineTotal: line.lineTotal })),
    storeId: config.amazonPay.storeId,
    storeName: config.store.name,
    reviewUrl: reviewUrlFor(origin, shopperTokenHash, { cart: buyNowCartId }),
    cancelUrl: `${origin}${CHECKOUT_CANCEL_PATH}`,
    shipToCountries: config.store.shipToCountries,
  });
  return getAmazonPay().generateButtonConfig(payload);
}

/**
 * The Sign-In with Amazon button's signInConfig, signed when the page renders: checkout.js
 * requires it at render for productType SignIn
 * (https://developer.amazon.com/docs/amazon-pay-checkout/amazon-pay-script.html), and Amazon's
 * Magento plugin passes it there (view/frontend/web/js/amazon-login-button.js). Nothing in the
 * payload changes with the cart, so there is nothing to sign later.
 */
export async function signSignInButton(): Promise<SignedButtonResult> {
  try {
    const config = await getAmazonPay().generateButtonConfig({
      signInReturnUrl: `${await signingOrigin()}/account/signin`,
      storeId: getConfig().amazonPay.storeId,
      signInScopes: ['name', 'email'],
    });
    return { ok: true, config };
  } catch (error) {
    return failure(error, 'checkout.sign-signin-button');
  }
}
