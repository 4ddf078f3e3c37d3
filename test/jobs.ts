import type PgBoss from 'pg-boss';
import type { AmazonPayClient } from '@/lib/amazon-pay';
import type { DatabaseHandle } from '@/lib/db/connection';
import type { JobDefinition } from '@/lib/jobs/definitions';
import { startJobRunner, type JobRunner } from '@/lib/jobs/runner';

/** Reads until `done` holds or the time is up, then returns the last read (the test's assertion says why). */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A queued job once it has reached `state` (or the last state seen when time ran out). */
export function jobInState(boss: PgBoss, queue: string, id: string, state: string) {
  return until(
    () => boss.getJobById(queue, id),
    (found) => found?.state === state,
  );
}

/** A job runner for tests: fast polling, errors left to the assertions, no Amazon unless given. */
export function startTestRunner(
  handle: DatabaseHandle,
  jobs: readonly JobDefinition[],
  options: { amazon?: AmazonPayClient; work?: boolean } = {},
): Promise<JobRunner> {
  return startJobRunner({
    handle,
    amazon: () => options.amazon ?? ({} as AmazonPayClient),
    jobs,
    work: options.work ?? true,
    pollingIntervalSeconds: 0.5,
    onError: () => {},
  });
}
