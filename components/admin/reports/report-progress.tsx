'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { AdminQueryProvider } from '@/components/admin/query-provider';
import type { ReportRow } from '@/lib/reports/report-row';
import { REPORT_POLL_MS, reportStatusQuery } from './report-queries';
import { StatusBadge } from './status-badge';

function Progress({ report }: { report: ReportRow }) {
  const router = useRouter();
  const query = useQuery({ ...reportStatusQuery(report.reportId), initialData: report });
  const terminal = query.data.terminal;
  // The page reads the document and its preview on the server; a refresh re-renders it with them, without a reload.
  useEffect(() => {
    if (terminal) router.refresh();
  }, [router, terminal]);
  return (
    <div className="mt-8 text-sm text-ink-muted" aria-live="polite" data-testid="report-progress">
      <p>
        <StatusBadge status={query.data.status} label={query.data.statusLabel} />{' '}
        {terminal
          ? 'Amazon has finished this report; loading its document…'
          : `Amazon is still generating this report; checking every ${REPORT_POLL_MS / 1000} s.`}
      </p>
      {query.isError && (
        <p className="mt-1 text-red-700" role="alert">
          {query.error.message}
        </p>
      )}
    </div>
  );
}

/** A report still in progress: follows its status until it ends, then shows the finished page. */
export function ReportProgress({ report }: { report: ReportRow }) {
  return (
    <AdminQueryProvider>
      <Progress report={report} />
    </AdminQueryProvider>
  );
}
