'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { adminAction } from '@/lib/auth/admin-action';
import { retryFailedJob, runJobNow } from '@/lib/jobs';

export type JobActionResult = ActionResult<{ message: string }>;

const jobName = z.string().regex(/^[a-z0-9-]{1,64}$/, 'There is no such background job.');

/** The background-work page's retry button: the failed job runs again. */
export const retryJobAction = adminAction({
  context: 'admin-retry-job',
  schema: z.object({ name: jobName, id: z.uuid('There is no such failed job.') }),
  run: async ({ name, id }) => {
    await retryFailedJob(name, id);
    revalidatePath('/admin/jobs');
    return { message: 'Queued to run again.' };
  },
});

/** "Run now" for a scheduled job, such as the resync sweep on the dashboard. */
export const runJobNowAction = adminAction({
  context: 'admin-run-job',
  schema: z.object({ name: jobName }),
  run: async ({ name }) => {
    await runJobNow(name);
    revalidatePath('/admin/jobs');
    revalidatePath('/admin');
    return { message: 'Queued; it starts within a few seconds.' };
  },
});
