'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect } from 'react';
import { REPORT_LIST_KEY, REPORT_POLL_MS, reportStatusQuery } from './report-queries';
import { StatusBadge } from './status-badge';

/**
 * Polls a new report until it reaches a final status. It shows the report in the list as soon
 * as it exists, and again once it has ended, so the list's row never lags behind this badge.
 */
export function ReportStatusPoller({ reportId }: { reportId: string }) {
  const queryClient = useQueryClient();
  const query = useQuery(reportStatusQuery(reportId));
  const terminal = query.data?.terminal ?? false;
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: REPORT_LIST_KEY });
  }, [queryClient, reportId, terminal]);
  return (
    <div className="mt-3 rounded-lg bg-slate-50 p-3 text-sm" aria-live="polite" data-testid="created-report">
      Report{' '}
      <Link href={`/admin/reports/${reportId}`} className="font-mono text-brand-700 underline">
        {reportId}
      </Link>{' '}
      {query.data ? (
        <StatusBadge status={query.data.status} label={query.data.statusLabel} />
      ) : (
        <span className="text-ink-muted">requested…</span>
      )}
      {query.data && !query.data.terminal && (
        <span className="ml-2 text-ink-muted">checking every {REPORT_POLL_MS / 1000} s</span>
      )}
      {query.data?.status === 'CANCELLED' && (
        <p className="mt-1 text-ink-muted">Amazon cancels a report when the period holds no data.</p>
      )}
      {query.isError && (
        <p className="mt-1 text-red-700" role="alert">
          {query.error.message}
        </p>
      )}
    </div>
  );
}
