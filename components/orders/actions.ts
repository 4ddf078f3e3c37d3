'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { failure, invalidInput, type ActionResult } from '@/lib/action-result';
import { orderNumberSchema } from '@/lib/ids';
import { checkVisibleOrderAgain, restoreVisibleOrderToCart } from '@/lib/orders/shopper/visible-order-actions';
import { inActionScope } from '@/lib/request-log';

// An order belongs to the browser that placed it (its shopper cookie) or the Amazon buyer
// signed in here; lib/orders/shopper checks that for every action, as the page does.

const orderSchema = z.object({ number: orderNumberSchema });

/** "Check again": re-reads Amazon for the order and finishes what can be finished, then re-renders the page. */
export async function checkOrderAgainAction(input: z.input<typeof orderSchema>): Promise<ActionResult> {
  const parsed = orderSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, parsed.error.issues[0]?.message);
  const result = await inActionScope(async (): Promise<ActionResult> => {
    try {
      await checkVisibleOrderAgain(parsed.data.number);
      return { ok: true };
    } catch (error) {
      return failure(error, 'orders.check-again');
    }
  });
  if (result.ok) refresh();
  return result;
}

/** "Pay again": the declined order's lines go back into this browser's cart, where a new checkout starts. */
export async function payAgainAction(input: z.input<typeof orderSchema>): Promise<ActionResult> {
  const parsed = orderSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, parsed.error.issues[0]?.message);
  const result = await inActionScope(async () => {
    try {
      return { ok: true as const, ...(await restoreVisibleOrderToCart(parsed.data.number)) };
    } catch (error) {
      return failure(error, 'orders.pay-again');
    }
  });
  if (!result.ok) return result;
  if (result.restored === 0) {
    return { ok: false, message: 'None of these items can be bought any more, so there is nothing to pay for again.' };
  }
  // The header's cart count belongs to the shared layout, which a redirect alone leaves as it was.
  refresh();
  const search = new URLSearchParams();
  if (result.reasonCode) search.set('payment', result.reasonCode);
  if (result.unavailable.length > 0) search.set('unavailable', String(result.unavailable.length));
  redirect(`/cart${search.size > 0 ? `?${search}` : ''}`);
}
