import Link from 'next/link';
import { TableHead, TableScroller } from '@/components/ui/table';
import { EMAIL_KIND_LABELS, EMAIL_STATUS_LABELS, type EmailStatus, type OutboxListItem } from '@/lib/email';

const COLUMNS = ['Created', 'Message', 'Order', 'Status', 'Attempts'];

const STATUS_STYLES: Record<EmailStatus, string> = {
  queued: 'bg-amber-100 text-amber-900',
  sent: 'bg-emerald-100 text-emerald-900',
  failed: 'bg-red-100 text-red-900',
  offline: 'bg-slate-200 text-slate-800',
};

export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLES[status]}`}>{EMAIL_STATUS_LABELS[status]}</span>
  );
}

export function OutboxList({ messages }: { messages: OutboxListItem[] }) {
  if (messages.length === 0) return <p className="mt-6 text-sm text-ink-muted">No messages yet.</p>;
  return (
    <TableScroller className="mt-6">
      <table className="w-full border-collapse bg-white text-left text-sm">
        <TableHead columns={COLUMNS} shaded={false} className="border-b border-black/10" />
        <tbody>
          {messages.map((message) => (
            <tr key={message.id} className="border-b border-black/5">
              <td className="px-3 py-2 whitespace-nowrap">{message.createdAt.toISOString().slice(0, 16).replace('T', ' ')}</td>
              <td className="px-3 py-2">
                <Link href={`/admin/outbox/${message.id}`} className="font-medium text-ink underline">
                  {EMAIL_KIND_LABELS[message.kind]}
                </Link>
                <div className="text-ink-muted">{message.subject}</div>
              </td>
              <td className="px-3 py-2">
                {message.orderNumber ? <Link href={`/admin/orders/${message.orderNumber}`}>{message.orderNumber}</Link> : '—'}
              </td>
              <td className="px-3 py-2">
                <EmailStatusBadge status={message.status} />
              </td>
              <td className="px-3 py-2">{message.attempts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
