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

/** Parse, change the cart, refresh the page: each cart action differs only in its schema and its change. */
async function changeCart<S extends z.ZodType>(
  schema: S,
  input: unknown,
  context: string,
  change: (data: z.output<S>) => Promise<unknown>,
): Promise<ActionResult> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, parsed.error.issues[0]?.message);
  try {
    await change(parsed.data);
  } catch (error) {
    return failure(error, context);
  }
  refresh();
  return { ok: true };
}

export async function addToCartAction(input: z.input<typeof addSchema>): Promise<ActionResult> {
  return changeCart(addSchema, input, 'cart.add', (data) => addToCurrentCart(data.slug, data.quantity));
}

export async function updateCartLineAction(input: z.input<typeof updateSchema>): Promise<ActionResult> {
  return changeCart(updateSchema, input, 'cart.update', (data) => setCurrentCartLineQuantity(data.lineId, data.quantity));
}

export async function removeCartLineAction(input: z.input<typeof removeSchema>): Promise<ActionResult> {
  return changeCart(removeSchema, input, 'cart.remove', (data) => removeCurrentCartLine(data.lineId));
}
