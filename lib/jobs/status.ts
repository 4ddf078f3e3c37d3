import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { selectRows } from '@/lib/db/rows';
import type { JobDefinition } from './definitions';
import { JOB_SCHEMA } from './queue';

/** What the admin sees of one kind of background work. */
export interface JobOverview {
  name: string;
  title: string;
  description: string;
  cron: string | null;
  /** Jobs waiting (including those waiting for a retry) and running now. */
  queued: number;
  active: number;
  lastRun: JobRun | null;
  failed: FailedJob[];
  failedCount: number;
}

export interface JobRun {
  id: string;
  state: 'completed' | 'failed' | 'active' | (string & {});
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  /** The job's summary when it completed, or its error message when it failed. */
  result: string;
}

export interface FailedJob {
  id: string;
  failedAt: Date | null;
  attempts: number;
  error: string;
}

interface JobRow {
  id: string;
  name: string;
  state: string;
  output: unknown;
  retry_count: number;
  started_on: Date | string | null;
  completed_on: Date | string | null;
}

const FAILED_SHOWN = 20;
const job = sql.raw(`${JOB_SCHEMA}.job`);
const archive = sql.raw(`${JOB_SCHEMA}.archive`);
const asDate = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

/** An error's message (pg-boss keeps name, message and stack; the stack is for logs, not the page). */
function describeOutput(state: string, output: unknown): string {
  if (output && typeof output === 'object') {
    const record = output as Record<string, unknown>;
    if (state === 'failed') {
      const message = typeof record['message'] === 'string' ? record['message'] : 'failed';
      return message.slice(0, 300);
    }
    return Object.entries(record)
      .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
      .map(([key, value]) => `${key}: ${String(value)}`)
      .join(', ')
      .slice(0, 300);
  }
  return state === 'failed' ? 'failed' : '';
}

function toRun(row: JobRow): JobRun {
  const startedAt = asDate(row.started_on) ?? new Date(0);
  const finishedAt = asDate(row.completed_on);
  return {
    id: row.id,
    state: row.state,
    startedAt,
    finishedAt,
    durationMs: finishedAt ? finishedAt.getTime() - startedAt.getTime() : null,
    result: describeOutput(row.state, row.output),
  };
}

async function overviewOf(db: Database, definition: JobDefinition): Promise<JobOverview> {
  const [counts] = await selectRows<{ queued: number; active: number; failed: number }>(
    db,
    sql`select count(*) filter (where state in ('created', 'retry'))::int as queued,
               count(*) filter (where state = 'active')::int as active,
               count(*) filter (where state = 'failed')::int as failed
        from ${job} where name = ${definition.name}`,
  );
  const [last] = await selectRows<JobRow>(
    db,
    sql`select id, name, state::text as state, output, retry_count, started_on, completed_on from (
          select id, name, state, output, retry_count, started_on, completed_on from ${job}
            where name = ${definition.name} and started_on is not null
          union all
          select id, name, state, output, retry_count, started_on, completed_on from ${archive}
            where name = ${definition.name} and started_on is not null
        ) runs order by started_on desc limit 1`,
  );
  const failed = await selectRows<JobRow>(
    db,
    sql`select id, name, state::text as state, output, retry_count, started_on, completed_on from ${job}
        where name = ${definition.name} and state = 'failed' order by completed_on desc nulls last limit ${FAILED_SHOWN}`,
  );
  return {
    name: definition.name,
    title: definition.title,
    description: definition.description,
    cron: definition.cron ?? null,
    queued: counts?.queued ?? 0,
    active: counts?.active ?? 0,
    failedCount: counts?.failed ?? 0,
    lastRun: last ? toRun(last) : null,
    failed: failed.map((row) => ({
      id: row.id,
      failedAt: asDate(row.completed_on),
      attempts: row.retry_count + 1,
      error: describeOutput('failed', row.output),
    })),
  };
}

/** The background-work page: per job its last run, queue depth and kept failures. */
export async function loadJobOverviews(db: Database, definitions: readonly JobDefinition[]): Promise<JobOverview[]> {
  const overviews: JobOverview[] = [];
  for (const definition of definitions) overviews.push(await overviewOf(db, definition));
  return overviews;
}
