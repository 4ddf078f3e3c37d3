'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { getAmazonPay } from '@/lib/amazon-pay/server';
import { adminAction } from '@/lib/auth/admin-action';
import { getDb } from '@/lib/db';
import { orderNumberSchema } from '@/lib/ids';
import { cancelSubscriptionAsMerchant } from '@/lib/subscriptions/admin';
import { textInput } from '@/lib/text-input';

export type CancelSubscriptionResult = ActionResult<{ message: string }>;

const cancelSchema = z.object({
  number: orderNumberSchema,
  reason: textInput(255, 'Keep the reason under 255 characters.').trim().min(1, 'Say why the subscription ends.'),
});

/** "Cancel subscription" on the admin subscription page: closes its charge permission at Amazon. */
export const cancelSubscriptionAction = adminAction({
  context: 'admin-cancel-subscription',
  schema: cancelSchema,
  amazonPay: 'brief',
  run: async (input, session) => {
    await cancelSubscriptionAsMerchant(await getDb(), getAmazonPay(), { ...input, actor: session.user.email ?? 'admin' });
    revalidatePath(`/admin/subscriptions/${input.number}`);
    revalidatePath('/admin/subscriptions');
    return { message: 'Subscription cancelled: Amazon Pay will not charge it again.' };
  },
});
