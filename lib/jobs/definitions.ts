import type PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { AmazonPayClient } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';

/** What a job's handler is given besides its payload. */
export interface JobContext {
  db: Database;
  amazon: AmazonPayClient;
  jobId: string;
  /** Queues follow-up work from inside a job. */
  enqueue<Payload extends object>(
    job: JobDefinition<Payload>,
    payload: Payload,
    options?: { singletonKey?: string },
  ): Promise<string | null>;
}

/** A JSON summary of what a run did; pg-boss keeps it as the job's output, and the admin shows it. */
export type JobSummary = Record<string, string | number | boolean | null>;

/**
 * One kind of background work. Every handler is idempotent (it re-reads Amazon's state
 * and writes absolute values), so a retry, a duplicate or a run after a crash is safe.
 */
export interface JobDefinition<Payload extends object = object> {
  /** The pg-boss queue name. */
  name: string;
  title: string;
  description: string;
  payload: z.ZodType<Payload>;
  /** `singleton`: one active job per singleton key (or per queue without one). */
  policy: PgBoss.QueuePolicy;
  retryLimit: number;
  /** Seconds before the first retry; doubled each time with retryBackoff. */
  retryDelay: number;
  retryBackoff: boolean;
  /** A run still active after this long is failed (and retried). */
  expireInSeconds: number;
  /** Workers per process for this queue (1 unless a backlog of independent jobs is expected). */
  concurrency?: number;
  /** A cron expression when the job runs on a schedule. */
  cron?: string;
  run(payload: Payload, context: JobContext): Promise<JobSummary>;
}

export function defineJob<Payload extends object>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  return definition;
}
