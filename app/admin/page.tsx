import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import { Price } from '@/components/ui/price';
import { requireAdminPage } from '@/lib/auth';
import { getDb } from '@/lib/db';
import { listLatestOrders } from '@/lib/orders/admin-queries';

export const metadata: Metadata = { title: 'Orders · Admin', robots: { index: false } };

export default async function AdminHomePage() {
  const session = await requireAdminPage();
  const { orders, totalCount } = await listLatestOrders(await getDb(), 50);
  return (
    <AdminShell adminEmail={session.user.email ?? 'admin'}>
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold text-ink">Orders</h1>
        <p className="text-sm text-ink-muted">{totalCount} in total</p>
      </div>
      {orders.length === 0 ? (
        <p className="mt-6 rounded-xl border border-dashed border-black/15 bg-white p-8 text-center text-ink-muted">
          No orders yet. They appear here as soon as a shopper pays.
        </p>
      ) : (
        <table className="mt-6 w-full overflow-hidden rounded-xl bg-white text-left text-sm shadow-sm">
          <thead className="bg-slate-100 text-ink-muted">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Order</th>
              <th scope="col" className="px-4 py-2 font-medium">Placed</th>
              <th scope="col" className="px-4 py-2 font-medium">Buyer</th>
              <th scope="col" className="px-4 py-2 font-medium">Payment</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">Total</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-black/5">
            {orders.map((order) => (
              <tr key={order.id}>
                <td className="px-4 py-2 font-mono">{order.number}</td>
                <td className="px-4 py-2">{order.createdAt.toISOString().slice(0, 16).replace('T', ' ')}</td>
                <td className="px-4 py-2">{order.buyerEmail ?? '—'}</td>
                <td className="px-4 py-2">{order.paymentState}</td>
                <td className="px-4 py-2 text-right">
                  <Price value={order.total} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminShell>
  );
}
