import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdminShell } from '@/components/admin/admin-shell';
import { OrderDetailView } from '@/components/admin/order-detail/order-detail-view';
import { AdminQueryProvider } from '@/components/admin/query-provider';
import { requireAdminPage } from '@/lib/auth';
import { getDb } from '@/lib/db';
import { isOrderNumber } from '@/lib/ids';
import { loadAdminOrderView } from '@/lib/orders/admin/order-view';
import { getAmazonPay } from '@/lib/amazon-pay/server';

export const metadata: Metadata = { title: 'Order · Admin', robots: { index: false } };

export default async function AdminOrderPage({ params }: { params: Promise<{ number: string }> }) {
  const session = await requireAdminPage();
  const { number } = await params;
  if (!isOrderNumber(number)) notFound();
  const view = await loadAdminOrderView(await getDb(), getAmazonPay(), number);
  if (!view) notFound();
  return (
    <AdminShell adminEmail={session.user.email ?? 'admin'}>
      <AdminQueryProvider>
        <OrderDetailView initial={view} />
      </AdminQueryProvider>
    </AdminShell>
  );
}
