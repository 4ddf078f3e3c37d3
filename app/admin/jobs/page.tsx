import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import { IpnSubscriptionsCard } from '@/components/admin/jobs/ipn-subscriptions';
import { JobOverviewCard } from '@/components/admin/jobs/job-overview';
import { requireAdminPage } from '@/lib/auth';
import { getDb } from '@/lib/db';
import { listIpnSubscriptions } from '@/lib/ipn/subscriptions';
import { loadBackgroundWork } from '@/lib/jobs';

export const metadata: Metadata = { title: 'Background work · Admin', robots: { index: false } };

export default async function AdminJobsPage() {
  const session = await requireAdminPage();
  const [jobs, subscriptions] = await Promise.all([loadBackgroundWork(), getDb().then(listIpnSubscriptions)]);
  return (
    <AdminShell adminEmail={session.user.email ?? 'admin'} current="/admin/jobs">
      <h1 className="text-2xl font-semibold text-ink">Background work</h1>
      <p className="mt-1 text-sm text-ink-muted">
        Jobs run on a queue in the database, retry with backoff, and keep their failures here for two weeks.
      </p>
      <div className="mt-6 grid gap-6">
        {jobs.map((job) => (
          <JobOverviewCard key={job.name} job={job} />
        ))}
        <IpnSubscriptionsCard subscriptions={subscriptions} />
      </div>
    </AdminShell>
  );
}
