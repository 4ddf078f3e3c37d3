import type { JobOverview } from '@/lib/jobs';
import { retryJobAction, runJobNowAction } from './actions';
import { JobActionButton } from './job-action-button';

const utc = (value: Date) => `${value.toISOString().slice(0, 19).replace('T', ' ')} UTC`;

function duration(ms: number | null): string {
  if (ms === null) return 'running';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const STATE_TONE: Record<string, string> = {
  completed: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
  failed: 'bg-rose-50 text-rose-800 ring-rose-600/20',
  active: 'bg-amber-50 text-amber-800 ring-amber-600/20',
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
                <span
                  className={`mr-2 inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATE_TONE[job.lastRun.state] ?? STATE_TONE.active}`}
                >
                  {job.lastRun.state}
                </span>
                {utc(job.lastRun.startedAt)} · {duration(job.lastRun.durationMs)}
                {job.lastRun.result ? <span className="block text-ink-muted">{job.lastRun.result}</span> : null}
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
        <table className="mt-2 w-full text-left text-sm">
          <thead className="text-ink-muted">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                Failed at
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Attempts
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Error
              </th>
              <th scope="col" className="py-1 font-medium">
                <span className="sr-only">Retry</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-black/5">
            {job.failed.map((failed) => (
              <tr key={failed.id}>
                <td className="py-2 pr-3 whitespace-nowrap">{failed.failedAt ? utc(failed.failedAt) : '—'}</td>
                <td className="py-2 pr-3">{failed.attempts}</td>
                <td className="py-2 pr-3 break-all">{failed.error}</td>
                <td className="py-2">
                  <JobActionButton
                    action={retryJobAction}
                    fields={{ name: job.name, id: failed.id }}
                    label="Retry"
                    pendingLabel="Retrying…"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
