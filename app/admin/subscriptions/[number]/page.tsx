import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdminShell } from '@/components/admin/admin-shell';
import { SubscriptionDetail } from '@/components/admin/subscriptions/subscription-detail';
import { requireAdminPage } from '@/lib/auth';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { isOrderNumber } from '@/lib/ids';
import { loadAdminSubscription, type AdminSubscriptionDetail } from '@/lib/subscriptions/admin';

export const metadata: Metadata = { title: 'Subscription · Admin', robots: { index: false } };

export default async function AdminSubscriptionPage({ params }: { params: Promise<{ number: string }> }) {
  const session = await requireAdminPage();
  const { number } = await params;
  if (!isOrderNumber(number)) notFound();
  let subscription: AdminSubscriptionDetail;
  try {
    subscription = await loadAdminSubscription(await getDb(), number);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  return (
    <AdminShell adminEmail={session.user.email ?? 'admin'} current="/admin/subscriptions">
      <h1 className="mb-6 text-2xl font-semibold text-ink">Subscription {subscription.number}</h1>
      <SubscriptionDetail subscription={subscription} />
    </AdminShell>
  );
}
