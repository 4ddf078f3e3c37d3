'use client';

import { useQuery } from '@tanstack/react-query';
import { AdminQueryProvider } from '@/components/admin/query-provider';
import { AmazonTerm } from '@/components/ui/amazon-term';
import { formatUtcMinute } from '@/components/ui/format-time';
import { Price } from '@/components/ui/price';
import type { Money } from '@/lib/money';
import { OrderLink } from './order-link';
import { FulfilmentLabel, StatusBadge } from './status-badge';

/** A listed order as JSON carries it (dates as ISO strings). */
export interface ListedOrder {
  id: string;
  number: string;
  createdAt: string;
  status: string;
  paymentState: string;
  fulfilment: string;
  fulfilmentStatus: string;
  buyerName: string | null;
  buyerEmail: string | null;
  reasonCode: string | null;
  total: Money;
}

// Amazon settles AuthorizationInitiated within seconds to a day; every 5 s catches the quick ones without load.
const POLL_MS = 5_000;
const UNSETTLED = new Set(['pending', 'payment_processing']);

interface Props {
  initialRows: ListedOrder[];
  /** The page's own query string, so polling re-reads exactly the rows on screen. */
  query: string;
  /** Checkout attempts: a column for Amazon's reason code. */
  showReason?: boolean;
}

/** The list's rows; they refresh themselves while any order on them may still change without the merchant. */
export function LiveOrderRows(props: Props) {
  return (
    <AdminQueryProvider>
      <Rows {...props} />
    </AdminQueryProvider>
  );
}

async function fetchRows(query: string): Promise<ListedOrder[]> {
  const response = await fetch(`/api/admin/orders?${query}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`order list refresh failed (${response.status})`);
  const body = (await response.json()) as { rows: ListedOrder[] };
  return body.rows;
}

function Rows({ initialRows, query, showReason = false }: Props) {
  const { data: rows = initialRows } = useQuery({
    queryKey: ['admin-orders', query],
    queryFn: () => fetchRows(query),
    initialData: initialRows,
    refetchInterval: (current) => (current.state.data?.some((row) => UNSETTLED.has(row.status)) ? POLL_MS : false),
  });
  return rows.map((order) => (
    <tr key={order.id} className="hover:bg-slate-50">
      <td className="px-4 py-2.5 whitespace-nowrap">
        <OrderLink number={order.number} />
      </td>
      <td className="px-4 py-2.5 whitespace-nowrap text-ink-muted tabular-nums">{formatUtcMinute(order.createdAt)}</td>
      <td className="max-w-56 px-4 py-2.5">
        <div className="truncate text-ink">{order.buyerName ?? '—'}</div>
        <div className="truncate text-xs text-ink-muted">{order.buyerEmail ?? ''}</div>
      </td>
      <td className="px-4 py-2.5 capitalize text-ink-muted">
        {order.fulfilment}
        {(order.fulfilment === 'physical' || order.fulfilment === 'mixed') && (
          <div>
            <FulfilmentLabel status={order.fulfilmentStatus} />
          </div>
        )}
      </td>
      <td className="px-4 py-2.5">
        <StatusBadge status={order.status} />
        <div className="mt-0.5 text-xs text-ink-muted">
          {order.paymentState === 'none' ? 'No charge yet' : <AmazonTerm code={order.paymentState} />}
        </div>
      </td>
      {showReason ? (
        <td className="px-4 py-2.5 text-xs text-ink-muted" data-testid="attempt-reason">
          {order.reasonCode ? <AmazonTerm code={order.reasonCode} /> : '—'}
        </td>
      ) : null}
      <td className="px-4 py-2.5 text-right font-medium tabular-nums">
        <Price value={order.total} />
      </td>
    </tr>
  ));
}
