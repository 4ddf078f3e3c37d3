import 'server-only';
import type { SignedButtonConfig, SignedButtonResult } from '@/lib/amazon-pay/button-options';
import { failure } from '@/lib/action-result';
import { addToCurrentCart, getCurrentCart } from '@/lib/cart';
import { getConfig } from '@/lib/config';
import { ValidationError } from '@/lib/errors';
import { getAmazonPay } from '@/lib/amazon-pay/server';
import { signingOrigin } from '@/lib/request-origin';
import { buildCheckoutSessionPayload } from './button-payload';
import { reviewUrlFor } from './checkout-owner';
import { requireShopperTokenHash } from './shopper-token';

export type CheckoutButtonPlacement = { placement: 'Cart' } | { placement: 'Product'; slug: string };

/**
 * Signs the checkout button's payload for the shopper's cart at click time ("buy now" adds
 * the product first). Server actions only: the session it starts belongs to this browser's
 * shopper cookie, which it may set.
 */
export async function signCheckoutButton(button: CheckoutButtonPlacement): Promise<SignedButtonConfig> {
  const origin = await signingOrigin();
  if (button.placement === 'Product') await addToCurrentCart(button.slug, 1);
  const cart = await getCurrentCart();
  if (cart.lines.length === 0) throw new ValidationError('Your cart is empty.');
  const config = getConfig();
  const payload = buildCheckoutSessionPayload({
    lines: cart.lines.map((line) => ({ kind: line.product.kind, lineTotal: line.lineTotal })),
    storeId: config.amazonPay.storeId,
    reviewUrl: reviewUrlFor(origin, await requireShopperTokenHash()),
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
