'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { formatAmazonTime } from '@/components/ui/format-time';
import { DataTable, Td } from '@/components/ui/table';
import type { ReportPage } from '@/lib/reports/report-row';
import { REPORT_LIST_KEY, REPORT_POLL_MS } from './report-queries';
import { StatusBadge } from './status-badge';
import { BUTTON_SECONDARY } from './ui';

const COLUMNS = ['Report', 'Type', 'Status', 'Period', 'Created'];

async function fetchPage(filterQuery: string, cursor: string | null): Promise<ReportPage> {
  const params = new URLSearchParams(filterQuery);
  if (cursor) params.set('cursor', cursor);
  const response = await fetch(`/api/admin/reports?${params.toString()}`, { cache: 'no-store' });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message =
      typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string'
        ? body.message
        : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body as ReportPage;
}

/**
 * The report list; "Load more" follows Amazon's nextToken through an opaque cursor. A new report
 * (the create form invalidates REPORT_LIST_KEY) shows at once, and the list polls while any row it
 * shows is still in progress, so statuses move on without a reload.
 */
export function ReportList({ filterQuery }: { filterQuery: string }) {
  const query = useInfiniteQuery({
    queryKey: [...REPORT_LIST_KEY, filterQuery],
    queryFn: ({ pageParam }) => fetchPage(filterQuery, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: (q) =>
      q.state.data?.pages.some((page) => page.reports.some((report) => !report.terminal)) ? REPORT_POLL_MS : false,
  });

  if (query.isPending)
    return (
      <p className="mt-4 text-sm text-ink-muted" role="status">
        Loading reports…
      </p>
    );
  if (query.isError) return <Alert className="mt-4">{query.error.message}</Alert>;
  const reports = query.data.pages.flatMap((page) => page.reports);
  return (
    <div className="mt-4">
      {reports.length === 0 ? (
        <p className="rounded-xl border border-dashed border-black/15 bg-white p-6 text-center text-sm text-ink-muted">
          No reports match these filters.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
          <DataTable columns={COLUMNS} label="Reports">
            {reports.map((report) => (
              <tr key={report.reportId}>
                <Td className="font-mono">
                  <Link href={`/admin/reports/${report.reportId}`} className="text-brand-700 underline">
                    {report.reportId}
                  </Link>
                </Td>
                <Td>{report.typeLabel}</Td>
                <Td>
                  <StatusBadge status={report.status} label={report.statusLabel} />
                </Td>
                <Td>
                  {formatAmazonTime(report.startTime)} – {formatAmazonTime(report.endTime)}
                </Td>
                <Td>{formatAmazonTime(report.createdTime)}</Td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
      <div className="mt-3 flex items-center gap-3 text-sm text-ink-muted">
        <span>{reports.length} shown</span>
        {query.hasNextPage && (
          <button
            type="button"
            className={BUTTON_SECONDARY}
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
          >
            {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        )}
        {query.isFetchNextPageError && (
          <span role="alert" className="text-red-700">
            Could not load more reports; try again.
          </span>
        )}
      </div>
    </div>
  );
}
