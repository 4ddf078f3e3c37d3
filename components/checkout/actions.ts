'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { checkoutSessionIdSchema, productSlugSchema } from '@/lib/ids';
import { failure, invalidInput, type ActionResult } from '@/lib/action-result';
import { addToCart, ensureCartId, getCurrentCart } from '@/lib/cart';
import { buildCheckoutSessionPayload } from '@/lib/checkout/button-payload';
import { placeOrder } from '@/lib/checkout/place-order';
import { ensureShopperTokenHash } from '@/lib/checkout/shopper-token';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { getAmazonPay } from '@/lib/amazon-pay/server';
import { appOrigin } from '@/lib/request-origin';
import type { SignedButtonResult } from '@/lib/amazon-pay/button-options';

// Checkout belongs to whoever holds the cart cookie; amounts always come from the server's cart.

const buttonSchema = z.discriminatedUnion('placement', [
  z.object({ placement: z.literal('Cart') }),
  z.object({ placement: z.literal('Product'), slug: productSlugSchema }),
]);

/** Signs the checkout button's payload for the shopper's cart at click time ("buy now" adds the product first). */
export async function signCheckoutButtonAction(input: z.input<typeof buttonSchema>): Promise<SignedButtonResult> {
  const parsed = buttonSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'That product is no longer available.' };
  try {
    if (parsed.data.placement === 'Product') await addToCart(await getDb(), await ensureCartId(), parsed.data.slug, 1);
    const cart = await getCurrentCart();
    if (cart.lines.length === 0) throw new ValidationError('Your cart is empty.');
    const config = getConfig();
    const payload = buildCheckoutSessionPayload({
      lines: cart.lines.map((line) => ({ kind: line.product.kind, lineTotal: line.lineTotal })),
      storeId: config.amazonPay.storeId,
      reviewUrl: `${await appOrigin()}/checkout/review`,
      shipToCountries: config.store.shipToCountries,
    });
    return { ok: true, config: await getAmazonPay().generateButtonConfig(payload) };
  } catch (error) {
    return failure(error, 'checkout.sign-button');
  }
}

/**
 * Signs the Sign-In with Amazon button's payload (signInConfig,
 * https://developer.amazon.com/docs/amazon-pay-checkout/amazon-sign-in.html).
 */
export async function signSignInButtonAction(): Promise<SignedButtonResult> {
  try {
    const config = await getAmazonPay().generateButtonConfig({
      signInReturnUrl: `${await appOrigin()}/account/signin`,
      storeId: getConfig().amazonPay.storeId,
      signInScopes: ['name', 'email'],
    });
    return { ok: true, config };
  } catch (error) {
    return failure(error, 'checkout.sign-signin-button');
  }
}

const placeOrderSchema = z.object({
  checkoutSessionId: checkoutSessionIdSchema,
  shippingMethod: z.enum(['standard', 'express']).default('standard'),
});

export async function placeOrderAction(input: z.input<typeof placeOrderSchema>): Promise<ActionResult> {
  const parsed = placeOrderSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, parsed.error.issues[0]?.message);
  let redirectUrl: string;
  try {
    const cart = await getCurrentCart();
    const config = getConfig();
    const placed = await placeOrder(await getDb(), getAmazonPay(), {
      cart,
      checkoutSessionId: parsed.data.checkoutSessionId,
      shippingMethod: parsed.data.shippingMethod,
      shipToCountries: config.store.shipToCountries,
      storeName: config.store.name,
      resultUrl: `${await appOrigin()}/checkout/result`,
      shopperTokenHash: await ensureShopperTokenHash(),
    });
    redirectUrl = placed.redirectUrl;
  } catch (error) {
    return failure(error, 'checkout.place-order');
  }
  redirect(redirectUrl);
}
