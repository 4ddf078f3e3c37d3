import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import { listQueryString } from '@/components/admin/list/list-href';
import { LiveOrderRows } from '@/components/admin/list/live-order-rows';
import { OrderFilters } from '@/components/admin/list/order-filters';
import { OrderViewTabs } from '@/components/admin/list/order-view-tabs';
import { Pager } from '@/components/admin/list/pager';
import { sortColumn } from '@/components/admin/list/sort-header';
import { DataTable } from '@/components/ui/table';
import { requireAdminPage } from '@/lib/auth';
import { getDb } from '@/lib/db';
import { isFiltered, listAdminOrders, orderListQuerySchema, searchParamsRecord } from '@/lib/orders/admin/list';

export const metadata: Metadata = { title: 'Orders · Admin', robots: { index: false } };

export default async function AdminOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireAdminPage();
  const parsed = orderListQuerySchema.safeParse(searchParamsRecord(await searchParams));
  // A hand-edited or outdated bookmark shows every order with a note, rather than an error page.
  const query = parsed.success ? parsed.data : orderListQuerySchema.parse({});
  const page = await listAdminOrders(await getDb(), query);
  const exportQuery = listQueryString(query, { after: undefined, before: undefined, size: undefined });
  const attempts = query.view === 'attempts';
  const noun = attempts ? 'checkout attempts' : 'orders';
  const filtered = isFiltered(query);

  return (
    <AdminShell adminEmail={session.user.email ?? 'admin'} current="/admin/orders">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-2xl font-semibold text-ink">Orders</h1>
        <a href={`/api/admin/orders/export${exportQuery ? `?${exportQuery}` : ''}`} className="btn-secondary py-1.5" download>
          Export CSV{filtered ? ' (filtered)' : ''}
        </a>
      </div>
      {parsed.success ? null : (
        <p role="status" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          Some filters in the address were not understood, so all placed orders are shown.
        </p>
      )}
      <div className="mt-6">
        <OrderViewTabs query={query} />
      </div>
      <div className="mt-4">
        <OrderFilters query={query} />
      </div>
      {page.rows.length === 0 ? (
        <p className="mt-6 rounded-xl border border-dashed border-black/15 bg-white p-8 text-center text-ink-muted">
          {filtered
            ? `No ${noun} match these filters.`
            : attempts
              ? 'No checkout attempts. Declined, canceled and unfinished checkouts appear here.'
              : 'No orders yet. They appear here as soon as Amazon Pay authorizes a payment.'}
        </p>
      ) : (
        <div className="card mt-6 overflow-x-auto">
          <DataTable
            columns={[
              sortColumn(query, 'number', 'Order'),
              sortColumn(query, 'date', query.view === 'orders' ? 'Placed' : 'Started'),
              'Buyer',
              'Products',
              'Status',
              ...(attempts ? ['Amazon reason'] : []),
              sortColumn(query, 'total', 'Total', 'right'),
            ]}
            spacing="px-4 py-2"
            caption={
              <caption className="sr-only">
                {attempts ? 'Checkout attempts' : 'Orders'}, sorted by {query.sort}{' '}
                {query.dir === 'asc' ? 'ascending' : 'descending'}
              </caption>
            }
          >
            <LiveOrderRows
              query={listQueryString(query)}
              showReason={attempts}
              initialRows={page.rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }))}
            />
          </DataTable>
        </div>
      )}
      <div className="mt-4">
        <Pager query={query} page={page} />
      </div>
    </AdminShell>
  );
}
