import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminShell } from '@/components/admin/admin-shell';
import { adminErrorMessage } from '@/lib/auth/admin-errors';
import { EcomchargeForm } from '@/components/admin/reports/ecomcharge-form';
import { ecomSearchParams, parseEcomQuery, type EcomQuery } from '@/lib/reports/ecomcharge-query';
import { EcomchargeTable } from '@/components/admin/reports/ecomcharge-table';
import { BUTTON_SECONDARY } from '@/components/admin/reports/ui';
import { Alert } from '@/components/ui/alert';
import { requireAdminPage } from '@/lib/auth';
import { ecomchargeAvailability, listEcomchargeTransactions, type EcomchargeListing } from '@/lib/reports/admin';

export const metadata: Metadata = { title: 'eComCharge · Admin', robots: { index: false } };

const pageHref = (query: EcomQuery, cursor: { after?: string; before?: string }) =>
  `/admin/reports/ecomcharge?${ecomSearchParams(query, cursor).toString()}`;

export default async function EcomchargePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireAdminPage();
  const parsed = parseEcomQuery(await searchParams);
  const setup = ecomchargeAvailability();
  const query = parsed.ok === true ? parsed.query : null;
  let loaded: EcomchargeListing | null = null;
  let error: string | null = null;
  if (query && setup.ok) {
    try {
      loaded = await listEcomchargeTransactions(query);
    } catch (caught) {
      error = adminErrorMessage(caught, 'admin-ecomcharge-page');
    }
  }
  return (
    <AdminShell adminEmail={session.user.email ?? 'admin'}>
      <Link href="/admin/reports" className="text-sm text-brand-700 underline">
        ← Amazon Pay reports
      </Link>
      <h1 className="mt-2 text-2xl font-semibold text-ink">eComCharge transactions</h1>
      {setup.ok ? (
        setup.source === 'sandbox-defaults' && (
          <Alert tone="info" className="mt-2" testId="sandbox-defaults">
            Offline mode: ECOMCHARGE_SHOP_ID and ECOMCHARGE_SECRET_KEY are not set, so the sandbox&apos;s eComCharge at{' '}
            {setup.apiUrl} is used with shop id {setup.shopId} and its default secret.
          </Alert>
        )
      ) : (
        <Alert className="mt-2">{setup.message}</Alert>
      )}
      <div className="mt-6">
        <EcomchargeForm query={query} errors={parsed.ok === false ? parsed.fieldErrors : {}} />
      </div>
      {parsed.ok === false && <Alert className="mt-4">{parsed.message}</Alert>}
      {error && <Alert className="mt-4">{error}</Alert>}
      {query && loaded && (
        <section className="mt-6" aria-label="Results">
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span data-testid="ecom-count">
              {loaded.transactions.length} shown
              {query.mode === 'period' ? ` of ${loaded.count} in the period` : ` (${loaded.count} that day)`}
            </span>
            {loaded.previous && (
              <Link href={pageHref(query, loaded.previous)} className={BUTTON_SECONDARY}>
                ← Previous
              </Link>
            )}
            {loaded.next && (
              <Link href={pageHref(query, loaded.next)} className={BUTTON_SECONDARY}>
                Next →
              </Link>
            )}
            <a
              href={`/api/admin/reports/ecomcharge/export?${ecomSearchParams(query).toString()}`}
              className="text-brand-700 underline"
              download
            >
              Download CSV{query.mode === 'period' ? ' (whole period)' : ''}
            </a>
          </div>
          <EcomchargeTable transactions={loaded.transactions} />
        </section>
      )}
    </AdminShell>
  );
}
