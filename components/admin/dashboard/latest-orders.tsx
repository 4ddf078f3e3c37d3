import Link from 'next/link';
import { OrderLink } from '@/components/admin/list/order-link';
import { StatusBadge } from '@/components/admin/list/status-badge';
import { AmazonTerm } from '@/components/ui/amazon-term';
import { formatUtcMinute } from '@/components/ui/format-time';
import { Price } from '@/components/ui/price';
import { DataTable, rightAligned, type Column } from '@/components/ui/table';
import type { AdminOrderRow } from '@/lib/orders/admin/list';

const COLUMNS: Column[] = ['Order', 'Placed', 'Buyer', 'Status', rightAligned('Total')];

export function LatestOrders({ orders }: { orders: AdminOrderRow[] }) {
  return (
    <section aria-labelledby="latest-heading" className="card overflow-hidden">
      <div className="flex items-baseline justify-between px-5 pt-5">
        <h2 id="latest-heading" className="font-semibold text-ink">
          Latest orders
        </h2>
        <Link href="/admin/orders" className="text-sm font-medium text-brand-800 hover:underline">
          All orders →
        </Link>
      </div>
      {orders.length === 0 ? (
        <p className="p-5 text-sm text-ink-muted">No orders yet. They appear here as soon as a shopper pays.</p>
      ) : (
        <DataTable columns={COLUMNS} spacing="px-5 py-2" className="mt-3">
          {orders.map((order) => (
            <tr key={order.id}>
              <td className="px-5 py-2">
                <OrderLink number={order.number} />
              </td>
              <td className="px-5 py-2 whitespace-nowrap text-ink-muted tabular-nums">{formatUtcMinute(order.createdAt)}</td>
              <td className="max-w-48 truncate px-5 py-2">{order.buyerEmail ?? '—'}</td>
              <td className="px-5 py-2">
                <StatusBadge status={order.status} />
                {order.paymentState !== 'none' && (
                  <div className="mt-0.5 text-xs text-ink-muted" data-testid="latest-payment-state">
                    <AmazonTerm code={order.paymentState} />
                  </div>
                )}
              </td>
              <td className="px-5 py-2 text-right font-medium tabular-nums">
                <Price value={order.total} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
