import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdminShell } from '@/components/admin/admin-shell';
import { adminErrorMessage } from '@/lib/auth/admin-errors';
import { reconcileSettlement, type SettlementReconciliation } from '@/lib/reports/admin';
import { ReconciliationTables } from '@/components/admin/reports/reconciliation-tables';
import { Alert } from '@/components/ui/alert';
import { formatUtcMinute } from '@/components/ui/format-time';
import { reportIdSchema } from '@/lib/ids';
import { requireAdminPage } from '@/lib/auth';

export const metadata: Metadata = { title: 'Reconcile settlement · Admin', robots: { index: false } };

export default async function ReconcilePage({ params }: { params: Promise<{ reportId: string }> }) {
  const session = await requireAdminPage();
  const parsed = reportIdSchema.safeParse((await params).reportId);
  if (!parsed.success) notFound();
  const reportId = parsed.data;
  let outcome: SettlementReconciliation | null = null;
  let error: string | null = null;
  try {
    outcome = await reconcileSettlement(reportId);
  } catch (caught) {
    error = adminErrorMessage(caught, 'admin-reconcile-page');
  }
  return (
    <AdminShell adminEmail={session.user.email ?? 'admin'}>
      <Link href={`/admin/reports/${reportId}`} className="text-sm text-brand-700 underline">
        ← Report {reportId}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold text-ink">Settlement reconciliation</h1>
      {error && <Alert className="mt-6">{error}</Alert>}
      {outcome && (
        <>
          <div className="mt-4 flex flex-wrap items-center gap-4 text-sm">
            <span className="text-ink-muted">
              Period {formatUtcMinute(outcome.period.start)} – {formatUtcMinute(outcome.period.end)}
            </span>
            <span
              data-testid="balance"
              className={`rounded-full px-3 py-1 font-medium ${outcome.result.balanced ? 'bg-emerald-100 text-emerald-800' : 'bg-amber-100 text-amber-800'}`}
            >
              {outcome.result.balanced ? 'Balanced: every row matches our books' : 'Differences found'}
            </span>
            <a href={`/api/admin/reports/${reportId}/reconciliation`} className="text-brand-700 underline" download>
              Export CSV
            </a>
          </div>
          {outcome.issues.length > 0 && (
            <ul
              className="mt-4 list-disc rounded-lg bg-amber-50 p-3 pl-8 text-sm text-amber-900"
              aria-label="Rows that could not be read"
            >
              {outcome.issues.map((issue) => (
                <li key={`${issue.line}-${issue.message}`}>
                  Line {issue.line}: {issue.message}
                </li>
              ))}
            </ul>
          )}
          <ReconciliationTables result={outcome.result} />
        </>
      )}
    </AdminShell>
  );
}
