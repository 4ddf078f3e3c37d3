'use client';

import { useActionState } from 'react';
import { runResync, type ResyncActionResult } from '@/components/admin/resync-actions';
import { formatUtcMinute } from '@/components/ui/format-time';

interface LastRun {
  startedAt: string;
  status: string;
  ordersChecked: number;
  ordersChanged: number;
  notificationsProcessed: number;
}

/** "Resync now": re-reads unsettled payments from Amazon, the same job cron runs. */
export function ResyncPanel({ lastRun }: { lastRun: LastRun | null }) {
  const [result, action, pending] = useActionState<ResyncActionResult | null, FormData>(runResync, null);
  return (
    <section aria-labelledby="resync-heading" className="card p-5">
      <h2 id="resync-heading" className="font-semibold text-ink">
        Resync with Amazon Pay
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        Re-reads every unsettled payment from Amazon Pay and repairs anything a lost notification left behind.
      </p>
      <form action={action} className="mt-3">
        <button type="submit" className="btn-primary py-1.5" disabled={pending}>
          {pending ? 'Resyncing…' : 'Resync now'}
        </button>
      </form>
      <div aria-live="polite" className="mt-3 text-sm">
        {result?.ok === true ? (
          <p className={result.errorCount > 0 ? 'text-rose-800' : 'text-emerald-800'}>
            Checked {result.ordersChecked} orders, changed {result.ordersChanged}, processed {result.notificationsProcessed}{' '}
            notifications
            {result.errorCount > 0 ? `; ${result.errorCount} could not be read (see the server log)` : ''}.
          </p>
        ) : result?.ok === false ? (
          <p className="text-rose-800">{result.message}</p>
        ) : lastRun ? (
          <p className="text-ink-muted">
            Last run {formatUtcMinute(lastRun.startedAt)}: {lastRun.status}, {lastRun.ordersChecked} checked,{' '}
            {lastRun.ordersChanged} changed.
          </p>
        ) : (
          <p className="text-ink-muted">Not run yet.</p>
        )}
      </div>
    </section>
  );
}
