import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminShell } from '@/components/admin/admin-shell';
import { adminErrorMessage } from '@/lib/auth/admin-errors';
import { DownloadButton } from '@/components/admin/reports/download-button';
import { PreviewTable } from '@/components/admin/reports/preview-table';
import { ReportProgress } from '@/components/admin/reports/report-progress';
import { reportIdSchema } from '@/lib/ids';
import { StatusBadge } from '@/components/admin/reports/status-badge';
import { CARD } from '@/components/admin/reports/ui';
import { Alert } from '@/components/ui/alert';
import { formatAmazonTime } from '@/components/ui/format-time';
import { requireAdminPage } from '@/lib/auth';
import { findReportDetail, previewReportDocument } from '@/lib/reports/admin';
import { DELIMITER_LABELS } from '@/lib/reports/delimiter';
import { documentFilename } from '@/lib/reports/document-stream';
import type { DocumentPreview } from '@/lib/reports/preview';

export const metadata: Metadata = { title: 'Report · Admin', robots: { index: false } };

const PREVIEW_ROWS = 50;

async function loadPreview(reportId: string): Promise<{ preview: DocumentPreview | null; error: string | null }> {
  try {
    return { preview: await previewReportDocument(reportId, PREVIEW_ROWS), error: null };
  } catch (error) {
    return { preview: null, error: adminErrorMessage(error, 'admin-report-preview') };
  }
}

export default async function AdminReportPage({ params }: { params: Promise<{ reportId: string }> }) {
  const session = await requireAdminPage();
  const parsed = reportIdSchema.safeParse((await params).reportId);
  if (!parsed.success) notFound();
  const report = await findReportDetail(parsed.data);
  if (!report) notFound();
  const completed = report.status === 'COMPLETED' && report.hasDocument;
  const { preview, error } = completed ? await loadPreview(report.reportId) : { preview: null, error: null };
  const href = `/api/admin/reports/${encodeURIComponent(report.reportId)}/document`;
  const details: [string, string][] = [
    ['Type', `${report.typeLabel} (${report.reportType})`],
    ['Period', `${formatAmazonTime(report.startTime)} – ${formatAmazonTime(report.endTime)}`],
    ['Created', formatAmazonTime(report.createdTime)],
    ['Processing', `${formatAmazonTime(report.processingStartTime)} – ${formatAmazonTime(report.processingEndTime)}`],
    ['Document', report.reportDocumentId ?? '—'],
  ];
  return (
    <AdminShell adminEmail={session.user.email ?? 'admin'}>
      <Link href="/admin/reports" className="text-sm text-brand-700 underline">
        ← Reports
      </Link>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-2xl font-semibold text-ink">{report.reportId}</h1>
        <StatusBadge status={report.status} label={report.statusLabel} />
      </div>
      <dl className={`${CARD} mt-6 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]`}>
        {details.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-ink-muted">{term}</dt>
            <dd className="break-all text-ink">{value}</dd>
          </div>
        ))}
      </dl>
      {completed ? (
        <section className="mt-8 grid gap-4" aria-labelledby="document-heading">
          <h2 id="document-heading" className="text-lg font-semibold text-ink">
            Document
          </h2>
          <DownloadButton
            href={href}
            fallbackName={documentFilename(report.reportType, report.reportId, preview?.delimiter ?? '\t')}
          />
          {report.settlement && (
            <p>
              <Link href={`/admin/reports/${report.reportId}/reconcile`} className="text-sm font-medium text-brand-700 underline">
                Reconcile this settlement with our books →
              </Link>
            </p>
          )}
          {error && <Alert>{error}</Alert>}
          {preview && (
            <>
              <p className="text-sm text-ink-muted">
                First {preview.rows.length} rows{preview.truncated ? ' (more in the file)' : ''},{' '}
                {DELIMITER_LABELS[preview.delimiter]}-separated
                {Object.keys(preview.metadata).length > 0 &&
                  ` · ${Object.entries(preview.metadata)
                    .map(([key, value]) => `${key}: ${value}`)
                    .join(' · ')}`}
              </p>
              <PreviewTable columns={preview.columns} rows={preview.rows} />
            </>
          )}
        </section>
      ) : report.terminal ? (
        <p className="mt-8 text-sm text-ink-muted">
          This report has no document.
          {report.status === 'CANCELLED' && ' Amazon cancels a report when the period holds no data.'}
        </p>
      ) : (
        <ReportProgress report={report} />
      )}
    </AdminShell>
  );
}
