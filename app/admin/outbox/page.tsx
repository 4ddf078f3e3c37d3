import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import { OutboxList } from '@/components/admin/outbox/outbox-list';
import { requireAdminPage } from '@/lib/auth';
import { getDb } from '@/lib/db';
import { listOutbox } from '@/lib/email';

export const metadata: Metadata = { title: 'E-mail outbox · Admin', robots: { index: false } };

export default async function AdminOutboxPage() {
  const session = await requireAdminPage();
  const messages = await listOutbox(await getDb());
  return (
    <AdminShell adminEmail={session.user.email ?? 'admin'} current="/admin/outbox">
      <h1 className="text-2xl font-semibold text-ink">E-mail outbox</h1>
      <p className="mt-1 text-sm text-ink-muted">
        Every message to a shopper, newest first. Without SMTP_URL, messages are kept here and not sent.
      </p>
      <OutboxList messages={messages} />
    </AdminShell>
  );
}
