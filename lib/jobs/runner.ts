import PgBoss from 'pg-boss';
import type { AmazonPayClient } from '@/lib/amazon-pay';
import type { DatabaseHandle } from '@/lib/db/connection';
import { errorFields, log, withLogContext } from '@/lib/log';
import type { JobDefinition, JobSummary } from './definitions';
import { createJobQueue, JOB_SCHEMA } from './queue';

/** A payload that fails its schema can never succeed, so it fails once instead of being retried. */
export class InvalidJobPayloadError extends Error {
  override readonly name = 'InvalidJobPayloadError';
}

export interface JobRunnerOptions {
  handle: DatabaseHandle;
  /** Resolved per run, so a store without Amazon Pay credentials still starts. */
  amazon: () => AmazonPayClient;
  jobs: readonly JobDefinition[];
  /** Work the queues and keep the schedules here; false only sends (a web instance beside dedicated workers). */
  work: boolean;
  pollingIntervalSeconds?: number;
  onError(error: unknown): void;
}

export interface JobRunner {
  readonly boss: PgBoss;
  readonly jobs: readonly JobDefinition[];
  readonly working: boolean;
  running(): boolean;
  enqueue<Payload extends object>(
    job: JobDefinition<Payload>,
    payload: Payload,
    options?: { singletonKey?: string },
  ): Promise<string | null>;
  /** Stops taking jobs, lets running ones finish (up to timeoutMs), then lets go of the queue. */
  stop(timeoutMs?: number): Promise<void>;
}

async function ensureQueue(boss: PgBoss, job: JobDefinition): Promise<void> {
  const options = {
    name: job.name,
    policy: job.policy,
    retryLimit: job.retryLimit,
    retryDelay: job.retryDelay,
    retryBackoff: job.retryBackoff,
    expireInSeconds: job.expireInSeconds,
  };
  // Instances starting at the same moment race to create the queue, and PostgreSQL may
  // pick one of them as a deadlock victim; the loser waits a moment and finds it made.
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(job.name)) return boss.updateQueue(job.name, options);
    try {
      return await boss.createQueue(job.name, options);
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 100));
    }
  }
}

function errorOutput(error: unknown): Error {
  // pg-boss stores name, message and stack; a stack only helps us, so keep the first frames.
  if (error instanceof Error) return error;
  return new Error(String(error));
}

/** Validates the payload before it is queued, so a job's schema holds for every job of its kind. */
async function enqueue<Payload extends object>(
  boss: PgBoss,
  job: JobDefinition<Payload>,
  payload: Payload,
  options?: { singletonKey?: string },
): Promise<string | null> {
  return boss.send(job.name, job.payload.parse(payload), options?.singletonKey ? { singletonKey: options.singletonKey } : {});
}

export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const boss = createJobQueue(options.handle);
  let running = false;
  boss.on('error', (error) => options.onError(error));
  boss.on('stopped', () => {
    running = false;
  });
  await boss.start();
  running = true;
  for (const job of options.jobs) await ensureQueue(boss, job);

  if (options.work) {
    for (const job of options.jobs) {
      for (let worker = 0; worker < (job.concurrency ?? 1); worker++) {
        let workerId = '';
        workerId = await boss.work<object>(
          job.name,
          { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
          async ([item]): Promise<JobSummary | undefined> => {
            if (!item) return undefined;
            // A worker that found a job asks again at once instead of after the polling interval,
            // so a backlog drains at the speed of the work; an empty queue is polled as usual.
            boss.notifyWorker(workerId);
            const parsed = job.payload.safeParse(item.data);
            if (!parsed.success) {
              await boss
                .getDb()
                .executeSql(`UPDATE ${JOB_SCHEMA}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2`, [
                  job.name,
                  item.id,
                ]);
              throw new InvalidJobPayloadError(`${job.name}: invalid payload: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
            }
            return withLogContext({ jobId: item.id, job: job.name }, async () => {
              const started = performance.now();
              try {
                const summary = await job.run(parsed.data, {
                  db: options.handle.db,
                  amazon: options.amazon(),
                  jobId: item.id,
                  enqueue: (next, payload, sendOptions) => enqueue(boss, next, payload, sendOptions),
                });
                log.info({ summary, durationMs: Math.round(performance.now() - started) }, 'job done');
                return summary;
              } catch (error) {
                log.warn({ durationMs: Math.round(performance.now() - started), ...errorFields(error) }, 'job failed');
                throw errorOutput(error);
              }
            });
          },
        );
      }
      if (job.cron) await boss.schedule(job.name, job.cron, { trigger: 'schedule' });
      else await boss.unschedule(job.name);
    }
  }

  return {
    boss,
    jobs: options.jobs,
    working: options.work,
    running: () => running,
    enqueue: (job, payload, sendOptions) => enqueue(boss, job, payload, sendOptions),
    async stop(timeoutMs = 20_000) {
      if (!running) return;
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
      running = false;
    },
  };
}
