'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { failure, invalidInput, type ActionResult } from '@/lib/action-result';
import { assertAdmin } from '@/lib/auth';
import { retryFailedJob, runJobNow } from '@/lib/jobs';

export type JobActionResult = ActionResult<{ message: string }>;

const jobName = z.string().regex(/^[a-z0-9-]{1,64}$/, 'There is no such background job.');
const retrySchema = z.object({ name: jobName, id: z.uuid('There is no such failed job.') });
const runSchema = z.object({ name: jobName });

const fields = (form: FormData) =>
  Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));

/** The background-work page's retry button: the failed job runs again. */
export async function retryJobAction(_previous: JobActionResult | null, form: FormData): Promise<JobActionResult> {
  await assertAdmin();
  const parsed = retrySchema.safeParse(fields(form));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    await retryFailedJob(parsed.data.name, parsed.data.id);
  } catch (error) {
    return failure(error, 'admin-retry-job');
  }
  revalidatePath('/admin/jobs');
  return { ok: true, message: 'Queued to run again.' };
}

/** "Run now" for a scheduled job, such as the resync sweep. */
export async function runJobNowAction(_previous: JobActionResult | null, form: FormData): Promise<JobActionResult> {
  await assertAdmin();
  const parsed = runSchema.safeParse(fields(form));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    await runJobNow(parsed.data.name);
  } catch (error) {
    return failure(error, 'admin-run-job');
  }
  revalidatePath('/admin/jobs');
  revalidatePath('/admin');
  return { ok: true, message: 'Queued; it starts within a few seconds.' };
}
