import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AdminShell } from '@/components/admin/admin-shell';
import { OutboxMessage } from '@/components/admin/outbox/outbox-message';
import { requireAdminPage } from '@/lib/auth';
import { getDb } from '@/lib/db';
import { loadOutboxMessage } from '@/lib/email';

export const metadata: Metadata = { title: 'E-mail · Admin', robots: { index: false } };

export default async function AdminOutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireAdminPage();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const message = await loadOutboxMessage(await getDb(), id.data);
  if (!message) notFound();
  return (
    <AdminShell adminEmail={session.user.email ?? 'admin'} current="/admin/outbox">
      <h1 className="mb-6 text-2xl font-semibold text-ink">{message.subject}</h1>
      <OutboxMessage message={message} />
    </AdminShell>
  );
}
