import Link from 'next/link';
import { formatOrderTime, StatusBadge } from '@/components/admin/list/status-badge';
import { Price } from '@/components/ui/price';
import type { AdminOrderRow } from '@/lib/orders/admin/list';

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
        <table className="mt-3 w-full text-left text-sm">
          <thead className="bg-slate-100 text-ink-muted">
            <tr>
              <th scope="col" className="px-5 py-2 font-medium">
                Order
              </th>
              <th scope="col" className="px-5 py-2 font-medium">
                Placed
              </th>
              <th scope="col" className="px-5 py-2 font-medium">
                Buyer
              </th>
              <th scope="col" className="px-5 py-2 font-medium">
                Status
              </th>
              <th scope="col" className="px-5 py-2 text-right font-medium">
                Total
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-black/5">
            {orders.map((order) => (
              <tr key={order.id}>
                <td className="px-5 py-2">
                  <Link href={`/admin/orders/${order.number}`} className="font-mono font-medium text-brand-800 hover:underline">
                    {order.number}
                  </Link>
                </td>
                <td className="px-5 py-2 whitespace-nowrap text-ink-muted tabular-nums">{formatOrderTime(order.createdAt)}</td>
                <td className="max-w-48 truncate px-5 py-2">{order.buyerEmail ?? '—'}</td>
                <td className="px-5 py-2">
                  <StatusBadge status={order.status} />
                </td>
                <td className="px-5 py-2 text-right font-medium tabular-nums">
                  <Price value={order.total} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
