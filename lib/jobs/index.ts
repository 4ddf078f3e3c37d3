import 'server-only';
import { getAmazonPay } from '@/lib/amazon-pay/server';
import { getConfig } from '@/lib/config';
import { getDatabaseHandle, getDb } from '@/lib/db';
import { UserFacingError } from '@/lib/errors';
import { resyncPayments, type ResyncResult, type ResyncTrigger } from '@/lib/orders/payments/resync';
import { setOutboxDispatcher } from '@/lib/email';
import type { JobDefinition } from './definitions';
import { emailOutboxSweepJob, outboxDispatcher, sendEmailJob } from './email';
import { processIpnJob } from './ipn';
import { finishOrderJob } from './order-finish';
import { reportFollowUpJob, reportSchedulesJob } from './report-follow-up';
import { resyncSweepJob } from './resync-sweep';
import { subscriptionRenewalsJob } from './subscription-renewals';
import { startJobRunner, type JobRunner } from './runner';
import { loadJobOverviews, type JobOverview } from './status';
import { errorFields, log } from '@/lib/log';

export { PROCESS_IPN, processIpnJob } from './ipn';
export { RESYNC_SWEEP } from './resync-sweep';
export { FINISH_ORDER } from './order-finish';
export { isControlToken, publishControlAddress, readControlAddress } from './local-control';
export type { JobRunner } from './runner';
export type { FailedJob, JobOverview, JobRun } from './status';

/** Every kind of background work the store runs. */
export function storefrontJobs(): JobDefinition[] {
  return [
    resyncSweepJob(getConfig().jobs.resyncSweepCron),
    processIpnJob,
    finishOrderJob,
    reportFollowUpJob,
    reportSchedulesJob(),
    sendEmailJob,
    emailOutboxSweepJob,
    subscriptionRenewalsJob(),
  ] as JobDefinition[];
}

// Next.js dev reloads modules; one queue per process, like the database handle.
const globalForJobs = globalThis as typeof globalThis & { __storefrontJobs?: Promise<JobRunner> };

/**
 * Starts this process's job runner (at start-up, from instrumentation.ts, or from
 * `npm run worker`). It works the queues and keeps the schedules unless JOBS_WORKER=false,
 * in which case it only sends, for web instances beside dedicated workers.
 */
export function startBackgroundWork(options: { work?: boolean } = {}): Promise<JobRunner> {
  globalForJobs.__storefrontJobs ??= (async () => {
    const runner = await startJobRunner({
      handle: await getDatabaseHandle(),
      amazon: getAmazonPay,
      jobs: storefrontJobs(),
      work: options.work ?? getConfig().jobs.worker,
      onError: (error) => log.error({ context: 'jobs', ...errorFields(error) }, 'job queue error'),
    });
    setOutboxDispatcher(outboxDispatcher(runner.boss));
    return runner;
  })().catch((error: unknown) => {
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

/** The background-work page's data. */
export async function loadBackgroundWork(): Promise<JobOverview[]> {
  return loadJobOverviews(await getDb(), storefrontJobs());
}

export class UnknownJobError extends UserFacingError {
  constructor() {
    super('There is no such background job.', 'unknown_job');
  }
}

function definitionNamed(name: string): JobDefinition {
  const definition = storefrontJobs().find((job) => job.name === name);
  if (!definition) throw new UnknownJobError();
  return definition;
}

/** Puts a failed job back in its queue; it runs again with a fresh set of retries. */
export async function retryFailedJob(name: string, id: string): Promise<void> {
  const definition = definitionNamed(name);
  await (await getJobRunner()).boss.retry(definition.name, id);
}

/**
 * Runs a scheduled job now instead of at its next period. Its queue is a singleton, so
 * pressing twice while it runs queues one more run, never two at once.
 */
export async function runJobNow(name: string): Promise<void> {
  const definition = definitionNamed(name);
  if (!definition.cron) throw new UnknownJobError();
  await (await getJobRunner()).enqueue(definition, { trigger: 'admin' });
}

/** One resync run in this process, for the control route and the command line. */
export async function resyncNow(trigger: ResyncTrigger): Promise<ResyncResult> {
  return resyncPayments(await getDb(), getAmazonPay(), { trigger });
}

/** Queues a recorded IPN for the worker; a second delivery of the same one waits for the first. */
export async function enqueueIpnProcessing(notificationId: string): Promise<void> {
  await (await getJobRunner()).enqueue(processIpnJob, { notificationId }, { singletonKey: notificationId });
}

/** Follows up a report the merchant asked Amazon for, until Amazon has finished it. */
export async function enqueueReportFollowUp(reportId: string): Promise<void> {
  await (await getJobRunner()).enqueue(reportFollowUpJob, { reportId }, { singletonKey: reportId });
}

/** Finishes an order whose completion did not answer, in the background, if the shopper leaves. */
export async function enqueueOrderFinish(orderId: string): Promise<void> {
  await (await getJobRunner()).enqueue(finishOrderJob, { orderId }, { singletonKey: orderId });
}
