import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import { DailyChart } from '@/components/admin/dashboard/daily-chart';
import { LatestOrders } from '@/components/admin/dashboard/latest-orders';
import { ResyncPanel } from '@/components/admin/dashboard/resync-panel';
import { StatusSummary } from '@/components/admin/dashboard/status-summary';
import { SessionsPanel } from '@/components/admin/sessions/sessions-panel';
import { currentAdminCredential, requireAdminPage } from '@/lib/auth';
import { adminSubject, listOpenSessions } from '@/lib/auth/sessions';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { RESYNC_SWEEP } from '@/lib/jobs';
import { loadDashboard } from '@/lib/orders/admin/dashboard';

export const metadata: Metadata = { title: 'Dashboard · Admin', robots: { index: false } };

export default async function AdminDashboardPage() {
  const session = await requireAdminPage();
  const db = await getDb();
  const data = await loadDashboard(db, getConfig().store.currency);
  const sessions = await listOpenSessions(db, adminSubject(session.user.email ?? ''), await currentAdminCredential());
  const lastRun = data.lastRun ? { ...data.lastRun, startedAt: data.lastRun.startedAt.toISOString() } : null;
  return (
    <AdminShell adminEmail={session.user.email ?? 'admin'} current="/admin">
      <h1 className="text-2xl font-semibold text-ink">Dashboard</h1>
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <DailyChart days={data.days} />
        </div>
        <div className="grid content-start gap-6">
          <StatusSummary counts={data.statusCounts} />
          <ResyncPanel lastRun={lastRun} jobName={RESYNC_SWEEP} cron={getConfig().jobs.resyncSweepCron} />
          <SessionsPanel sessions={sessions} currentId={session.user.sessionId} />
        </div>
      </div>
      <div className="mt-6">
        <LatestOrders orders={data.latest} />
      </div>
    </AdminShell>
  );
}
