'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReportRow } from '@/lib/reports/report-row';
import { StatusBadge } from './status-badge';

/** Sandbox reports take 10 s (sandbox/README.md); Amazon's take minutes. Every 2 s is gentle on both. */
const POLL_MS = 2000;

async function fetchReport(reportId: string): Promise<ReportRow> {
  const response = await fetch(`/api/admin/reports/${encodeURIComponent(reportId)}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`Could not read the report's status (HTTP ${response.status}).`);
  return (await response.json()) as ReportRow;
}

/** Polls a new report until COMPLETED, FAILED or CANCELLED. */
export function ReportStatusPoller({ reportId }: { reportId: string }) {
  const query = useQuery({
    queryKey: ['admin-report', reportId],
    queryFn: () => fetchReport(reportId),
    refetchInterval: (q) => (q.state.data?.terminal ? false : POLL_MS),
  });
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
      {query.data && !query.data.terminal && <span className="ml-2 text-ink-muted">checking every {POLL_MS / 1000} s</span>}
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
