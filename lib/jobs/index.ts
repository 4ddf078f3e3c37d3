import 'server-only';
import { getAmazonPay } from '@/lib/amazon-pay/server';
import { getConfig } from '@/lib/config';
import { getDatabaseHandle } from '@/lib/db';
import type { JobDefinition } from './definitions';
import { processIpnJob } from './ipn';
import { resyncSweepJob } from './resync-sweep';
import { startJobRunner, type JobRunner } from './runner';

export { PROCESS_IPN, processIpnJob } from './ipn';
export { RESYNC_SWEEP } from './resync-sweep';
export type { JobRunner } from './runner';

/** Every kind of background work the store runs. */
export function storefrontJobs(): JobDefinition[] {
  return [resyncSweepJob(getConfig().jobs.resyncSweepCron), processIpnJob as JobDefinition];
}

// Next.js dev reloads modules; one queue per process, like the database handle.
const globalForJobs = globalThis as typeof globalThis & { __storefrontJobs?: Promise<JobRunner> };

/**
 * Starts this process's job runner (at start-up, from instrumentation.ts, or from
 * `npm run worker`). It works the queues and keeps the schedules unless JOBS_WORKER=false,
 * in which case it only sends, for web instances beside dedicated workers.
 */
export function startBackgroundWork(options: { work?: boolean } = {}): Promise<JobRunner> {
  globalForJobs.__storefrontJobs ??= (async () =>
    startJobRunner({
      handle: await getDatabaseHandle(),
      amazon: getAmazonPay,
      jobs: storefrontJobs(),
      work: options.work ?? getConfig().jobs.worker,
      onError: (error) => console.error('[jobs]', error instanceof Error ? error.message : String(error)),
    }))().catch((error: unknown) => {
    globalForJobs.__storefrontJobs = undefined;
    throw error;
  });
  return globalForJobs.__storefrontJobs;
}

/** The running queue, started on first use. */
export function getJobRunner(): Promise<JobRunner> {
  return startBackgroundWork();
}

/** The runner if this process has started one, without starting it (for readiness and shutdown). */
export async function currentJobRunner(): Promise<JobRunner | undefined> {
  return globalForJobs.__storefrontJobs?.catch(() => undefined);
}
