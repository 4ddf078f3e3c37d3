import Link from 'next/link';
import { runJobNowAction } from '@/components/admin/jobs/actions';
import { JobActionButton } from '@/components/admin/jobs/job-action-button';
import { formatUtcMinute } from '@/components/ui/format-time';

interface LastRun {
  startedAt: string;
  status: string;
  ordersChecked: number;
  ordersChanged: number;
  notificationsProcessed: number;
}

/** The resync sweep runs on a schedule; "Run now" queues it at once. */
export function ResyncPanel({ lastRun, jobName, cron }: { lastRun: LastRun | null; jobName: string; cron: string }) {
  return (
    <section aria-labelledby="resync-heading" className="card p-5">
      <h2 id="resync-heading" className="font-semibold text-ink">
        Resync with Amazon Pay
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        Re-reads every unsettled payment from Amazon Pay and repairs anything a lost notification left behind. Runs on the
        schedule <span className="font-mono">{cron}</span>.
      </p>
      <div className="mt-3">
        <JobActionButton
          action={runJobNowAction}
          fields={{ name: jobName }}
          label="Run now"
          pendingLabel="Queuing…"
          variant="primary"
        />
      </div>
      <p className="mt-3 text-sm text-ink-muted">
        {lastRun
          ? `Last run ${formatUtcMinute(lastRun.startedAt)}: ${lastRun.status}, ${lastRun.ordersChecked} checked, ${lastRun.ordersChanged} changed.`
          : 'Not run yet.'}{' '}
        <Link href="/admin/jobs" className="font-medium text-brand-800 hover:underline">
          Background work →
        </Link>
      </p>
    </section>
  );
}
