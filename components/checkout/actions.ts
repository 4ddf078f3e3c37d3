'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { cartIdSchema, checkoutSessionIdSchema, productSlugSchema } from '@/lib/ids';
import { MAX_QUANTITY_PER_LINE } from '@/lib/cart/limits';
import { failure, invalidInput, type ActionResult } from '@/lib/action-result';
import type { SignedButtonResult } from '@/lib/amazon-pay/server';
import { signCheckoutButton } from '@/lib/checkout/button-signing';
import { limitCheckoutAttempts } from '@/lib/checkout/checkout-limits';
import { placeShopperOrder } from '@/lib/checkout/shopper-checkout';
import { inActionScope } from '@/lib/request-log';
import { SNAPSHOT_PATTERN } from '@/lib/checkout/snapshot';

// Checkout belongs to whoever holds the cart cookie; amounts always come from the server's cart.

const buttonSchema = z.discriminatedUnion('placement', [
  z.object({ placement: z.literal('Cart') }),
  z.object({
    placement: z.literal('Product'),
    slug: productSlugSchema,
    quantity: z.number().int().min(1).max(MAX_QUANTITY_PER_LINE),
  }),
]);

/** Signs the checkout button's payload at click time: the shopper's cart, or "buy now" as a checkout of its own. */
export async function signCheckoutButtonAction(input: z.input<typeof buttonSchema>): Promise<SignedButtonResult> {
  const parsed = buttonSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'That product is no longer available.' };
  try {
    await limitCheckoutAttempts('sign-button');
    return { ok: true, config: await signCheckoutButton(parsed.data) };
  } catch (error) {
    return failure(error, 'checkout.sign-button');
  }
}

const placeOrderSchema = z.object({
  checkoutSessionId: checkoutSessionIdSchema,
  shippingMethod: z.enum(['standard', 'express']).default('standard'),
  confirmedSnapshot: z.string().regex(SNAPSHOT_PATTERN, 'Please review your order again.'),
  buyNowCartId: cartIdSchema.optional(),
});

export async function placeOrderAction(input: z.input<typeof placeOrderSchema>): Promise<ActionResult> {
  const parsed = placeOrderSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, parsed.error.issues[0]?.message);
  const placed = await inActionScope(async () => {
    try {
      await limitCheckoutAttempts('place-order');
      return { ok: true as const, redirectUrl: (await placeShopperOrder(parsed.data)).redirectUrl };
    } catch (error) {
      return failure(error, 'checkout.place-order');
    }
  });
  if (!placed.ok) return placed;
  redirect(placed.redirectUrl);
}
