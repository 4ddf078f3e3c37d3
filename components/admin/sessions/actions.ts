'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { adminAction } from '@/lib/auth/admin-action';
import { adminSubject, revokeSubject } from '@/lib/auth/sessions';
import { getDb } from '@/lib/db';

export type SessionActionResult = ActionResult<{ message: string }>;

/** Ends every admin session, this one included: a lost laptop or a shared browser stops here. */
export const signOutEverywhereAction = adminAction({
  context: 'admin-sign-out-everywhere',
  schema: z.object({}),
  run: async (_input, session) => {
    const ended = await revokeSubject(await getDb(), adminSubject(session.user.email ?? ''));
    revalidatePath('/admin');
    return { message: `Ended ${ended} session${ended === 1 ? '' : 's'}. Sign in again to continue.` };
  },
});
