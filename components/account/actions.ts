'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import { failure, invalidInput, type ActionResult } from '@/lib/action-result';
import { orderNumberSchema } from '@/lib/ids';
import { inActionScope } from '@/lib/request-log';
import { cancelVisibleSubscription } from '@/lib/subscriptions/visible';

// A subscription belongs to the browser that placed it or the Amazon buyer signed in here;
// lib/subscriptions checks that for the cancellation, as the account page does for the list.

const cancelSchema = z.object({
  number: orderNumberSchema,
  reason: z.string().trim().min(1, 'Say why you are cancelling.').max(200, 'Keep the reason under 200 characters.'),
});

/** "Cancel subscription": closes the subscription's charge permission at Amazon, then re-renders the account. */
export async function cancelSubscriptionAction(input: z.input<typeof cancelSchema>): Promise<ActionResult> {
  const parsed = cancelSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, parsed.error.issues[0]?.message);
  const result = await inActionScope(async (): Promise<ActionResult> => {
    try {
      await cancelVisibleSubscription(parsed.data);
      return { ok: true };
    } catch (error) {
      return failure(error, 'account.cancel-subscription');
    }
  });
  if (result.ok) refresh();
  return result;
}
