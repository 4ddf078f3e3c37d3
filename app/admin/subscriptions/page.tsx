import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import { SubscriptionList } from '@/components/admin/subscriptions/subscription-list';
import { requireAdminPage } from '@/lib/auth';
import { getDb } from '@/lib/db';
import { ADMIN_SUBSCRIPTIONS_LIMIT, listAdminSubscriptions } from '@/lib/subscriptions/admin';

export const metadata: Metadata = { title: 'Subscriptions · Admin', robots: { index: false } };

export default async function AdminSubscriptionsPage() {
  const session = await requireAdminPage();
  const subscriptions = await listAdminSubscriptions(await getDb());
  return (
    <AdminShell adminEmail={session.user.email ?? 'admin'} current="/admin/subscriptions">
      <h1 className="text-2xl font-semibold text-ink">Subscriptions</h1>
      <p className="mt-1 text-sm text-ink-muted">
        Every order on a recurring charge permission, newest first
        {subscriptions.length >= ADMIN_SUBSCRIPTIONS_LIMIT && ` (the ${ADMIN_SUBSCRIPTIONS_LIMIT} newest)`}. Open one for its
        charges by period.
      </p>
      <SubscriptionList subscriptions={subscriptions} />
    </AdminShell>
  );
}
