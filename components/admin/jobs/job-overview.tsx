import { AmazonTermsInText } from '@/components/ui/amazon-term';
import { Badge } from '@/components/ui/badge';
import { DataTable, Td, type Column } from '@/components/ui/table';
import type { JobOverview } from '@/lib/jobs';
import { retryJobAction, runJobNowAction } from './actions';
import { JobActionButton } from './job-action-button';

const FAILED_COLUMNS: readonly Column[] = [
  'Failed at',
  'Attempts',
  'Error',
  { key: 'retry', label: <span className="sr-only">Retry</span> },
];

const utc = (value: Date) => `${value.toISOString().slice(0, 19).replace('T', ' ')} UTC`;

function duration(ms: number | null): string {
  if (ms === null) return 'running';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const ACTIVE_TONE = 'bg-amber-50 text-amber-800 ring-amber-600/20';
const STATE_TONE: Record<string, string> = {
  completed: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
  failed: 'bg-rose-50 text-rose-800 ring-rose-600/20',
  active: ACTIVE_TONE,
};

/** One kind of background work: schedule, last run, queue depth and the failures kept for inspection. */
export function JobOverviewCard({ job }: { job: JobOverview }) {
  const headingId = `job-${job.name}`;
  return (
    <section aria-labelledby={headingId} className="card p-5" data-job={job.name}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={headingId} className="font-semibold text-ink">
            {job.title}
          </h2>
          <p className="mt-1 text-sm text-ink-muted">{job.description}</p>
        </div>
        {job.cron ? (
          <JobActionButton
            action={runJobNowAction}
            fields={{ name: job.name }}
            label="Run now"
            pendingLabel="Queuing…"
            variant="primary"
          />
        ) : null}
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-ink-muted">Schedule</dt>
          <dd className="font-mono text-ink">{job.cron ?? 'on demand'}</dd>
        </div>
        <div>
          <dt className="text-ink-muted">Waiting</dt>
          <dd className="text-ink" data-testid="queue-depth">
            {job.queued}
            {job.active > 0 ? ` (+${job.active} running)` : ''}
          </dd>
        </div>
        <div className="col-span-2">
          <dt className="text-ink-muted">Last run</dt>
          <dd className="text-ink" data-testid="last-run">
            {job.lastRun ? (
              <>
                <Badge ring tone={STATE_TONE[job.lastRun.state] ?? ACTIVE_TONE} className="mr-2">
                  {job.lastRun.state}
                </Badge>
                {utc(job.lastRun.startedAt)} · {duration(job.lastRun.durationMs)}
                {job.lastRun.result ? (
                  <span className="block text-ink-muted">
                    <AmazonTermsInText text={job.lastRun.result} />
                  </span>
                ) : null}
              </>
            ) : (
              'Not run yet'
            )}
          </dd>
        </div>
      </dl>
      <h3 className="mt-5 text-sm font-semibold text-ink">
        Failed jobs <span className="font-normal text-ink-muted">({job.failedCount})</span>
      </h3>
      {job.failed.length === 0 ? (
        <p className="mt-1 text-sm text-ink-muted">None.</p>
      ) : (
        <DataTable columns={FAILED_COLUMNS} label={`Failed ${job.title} jobs`}>
          {job.failed.map((failed) => (
            <tr key={failed.id}>
              <Td className="whitespace-nowrap">{failed.failedAt ? utc(failed.failedAt) : '—'}</Td>
              <Td>{failed.attempts}</Td>
              <Td className="break-all">
                <AmazonTermsInText text={failed.error} />
              </Td>
              <Td>
                <JobActionButton
                  action={retryJobAction}
                  fields={{ name: job.name, id: failed.id }}
                  label="Retry"
                  pendingLabel="Retrying…"
                />
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
