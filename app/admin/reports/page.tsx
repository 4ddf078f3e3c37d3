import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminShell } from '@/components/admin/admin-shell';
import { adminErrorMessage } from '@/lib/auth/admin-errors';
import { CreateReportForm } from '@/components/admin/reports/create-report-form';
import { AdminQueryProvider } from '@/components/admin/query-provider';
import { filterSearchParams, filterValuesFrom, parseReportFilters } from '@/lib/reports/report-filters';
import { ReportFiltersForm } from '@/components/admin/reports/report-filters-form';
import { ReportList } from '@/components/admin/reports/report-list';
import { SchedulesSection } from '@/components/admin/reports/schedules-section';
import { CARD } from '@/components/admin/reports/ui';
import { Alert } from '@/components/ui/alert';
import { requireAdminPage } from '@/lib/auth';
import { getConfig } from '@/lib/config';
import { listReportSchedules, type ReportSchedule } from '@/lib/reports/admin';

export const metadata: Metadata = { title: 'Reports · Admin', robots: { index: false } };

async function loadSchedules(): Promise<{ schedules: readonly ReportSchedule[]; error: string | null }> {
  try {
    return { schedules: await listReportSchedules(), error: null };
  } catch (error) {
    return { schedules: [], error: adminErrorMessage(error, 'admin-reports-schedules') };
  }
}

export default async function AdminReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireAdminPage();
  const values = filterValuesFrom(await searchParams);
  // Validated before any call to Amazon: a bad range shows its message and the list is not asked for.
  const filters = parseReportFilters(values);
  const { schedules, error } = await loadSchedules();
  const { sandbox } = getConfig().amazonPay;
  return (
    <AdminShell adminEmail={session.user.email ?? 'admin'}>
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold text-ink">Amazon Pay reports</h1>
        <Link href="/admin/reports/ecomcharge" className="text-sm text-brand-700 underline">
          eComCharge transactions →
        </Link>
      </div>
      <AdminQueryProvider>
        <section className={`${CARD} mt-6`} aria-labelledby="create-heading">
          <h2 id="create-heading" className="mb-3 text-lg font-semibold text-ink">
            Request a report
          </h2>
          <CreateReportForm sandbox={sandbox} />
        </section>
        <section className="mt-8" aria-labelledby="list-heading">
          <h2 id="list-heading" className="mb-3 text-lg font-semibold text-ink">
            Reports
          </h2>
          <ReportFiltersForm values={values} errors={filters.ok ? {} : filters.fieldErrors} />
          {filters.ok ? (
            <ReportList filterQuery={filterSearchParams(values).toString()} />
          ) : (
            <Alert className="mt-4">
              {filters.message} {Object.values(filters.fieldErrors).join(' ')}
            </Alert>
          )}
        </section>
      </AdminQueryProvider>
      <SchedulesSection schedules={schedules} error={error} sandbox={sandbox} />
    </AdminShell>
  );
}
