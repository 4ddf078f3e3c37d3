import { queryOptions } from '@tanstack/react-query';
import type { ReportRow } from '@/lib/reports/report-row';

/**
 * What the report screens poll, shared so a change made on one (a new report) refreshes the others.
 * Sandbox reports take 10 s (sandbox/README.md); Amazon's take minutes. Every 2 s is gentle on both.
 */
export const REPORT_POLL_MS = 2000;

/** Every filtered list of reports: the prefix of each list's query key. */
export const REPORT_LIST_KEY = ['admin-reports'] as const;

export const reportStatusKey = (reportId: string) => ['admin-report', reportId] as const;

async function fetchReport(reportId: string): Promise<ReportRow> {
  const response = await fetch(`/api/admin/reports/${encodeURIComponent(reportId)}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`Could not read the report's status (HTTP ${response.status}).`);
  return (await response.json()) as ReportRow;
}

/**
 * One report's status, polled until COMPLETED, FAILED or CANCELLED (Amazon Pay's final statuses,
 * https://developer.amazon.com/docs/amazon-pay-api-v2/reports.html).
 */
export const reportStatusQuery = (reportId: string) =>
  queryOptions({
    queryKey: reportStatusKey(reportId),
    queryFn: () => fetchReport(reportId),
    refetchInterval: (q) => (q.state.data?.terminal ? false : REPORT_POLL_MS),
  });
