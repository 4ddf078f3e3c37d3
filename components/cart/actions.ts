'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import { productSlugSchema } from '@/lib/ids';
import { failure, invalidInput, type ActionResult } from '@/lib/action-result';
import { addToCurrentCart, MAX_QUANTITY_PER_LINE, removeCurrentCartLine, setCurrentCartLineQuantity } from '@/lib/cart';

// The cart belongs to whoever holds its unguessable httpOnly cookie; that is the whole authorization.

const quantity = z.coerce
  .number({ message: 'Enter a quantity.' })
  .int('Enter a whole number.')
  .min(1, 'Choose at least one.')
  .max(MAX_QUANTITY_PER_LINE, `You can buy at most ${MAX_QUANTITY_PER_LINE} of an item per order.`);

const addSchema = z.object({
  slug: productSlugSchema,
  quantity: quantity.default(1),
});

const updateSchema = z.object({
  lineId: z.uuid('That item is no longer in your cart.'),
  quantity: quantity.or(z.literal(0)),
});

const removeSchema = updateSchema.pick({ lineId: true });

export async function addToCartAction(input: z.input<typeof addSchema>): Promise<ActionResult> {
  const parsed = addSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, parsed.error.issues[0]?.message);
  try {
    await addToCurrentCart(parsed.data.slug, parsed.data.quantity);
  } catch (error) {
    return failure(error, 'cart.add');
  }
  refresh();
  return { ok: true };
}

export async function updateCartLineAction(input: z.input<typeof updateSchema>): Promise<ActionResult> {
  const parsed = updateSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, parsed.error.issues[0]?.message);
  try {
    await setCurrentCartLineQuantity(parsed.data.lineId, parsed.data.quantity);
  } catch (error) {
    return failure(error, 'cart.update');
  }
  refresh();
  return { ok: true };
}

export async function removeCartLineAction(input: z.input<typeof removeSchema>): Promise<ActionResult> {
  const parsed = removeSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, parsed.error.issues[0]?.message);
  try {
    await removeCurrentCartLine(parsed.data.lineId);
  } catch (error) {
    return failure(error, 'cart.remove');
  }
  refresh();
  return { ok: true };
}
