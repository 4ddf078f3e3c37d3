import Link from 'next/link';
import { EMAIL_KIND_LABELS, type OutboxRow } from '@/lib/email';
import { EmailStatusBadge } from './outbox-list';

export function OutboxMessage({ message }: { message: OutboxRow & { orderNumber: string | null } }) {
  return (
    <div className="grid gap-6">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 sm:grid-cols-[10rem_minmax(0,1fr)] gap-y-2 rounded bg-white p-4 text-sm">
        <dt className="text-ink-muted">Kind</dt>
        <dd>{EMAIL_KIND_LABELS[message.kind]}</dd>
        <dt className="text-ink-muted">To</dt>
        <dd>{message.recipient}</dd>
        <dt className="text-ink-muted">Subject</dt>
        <dd>{message.subject}</dd>
        <dt className="text-ink-muted">Order</dt>
        <dd>{message.orderNumber ? <Link href={`/admin/orders/${message.orderNumber}`}>{message.orderNumber}</Link> : '—'}</dd>
        <dt className="text-ink-muted">Status</dt>
        <dd>
          <EmailStatusBadge status={message.status} /> after {message.attempts} attempt{message.attempts === 1 ? '' : 's'}
        </dd>
        {message.lastError && (
          <>
            <dt className="text-ink-muted">Last error</dt>
            <dd className="font-mono text-xs">{message.lastError}</dd>
          </>
        )}
        <dt className="text-ink-muted">Created</dt>
        <dd>{message.createdAt.toISOString()}</dd>
        {message.sentAt && (
          <>
            <dt className="text-ink-muted">Sent</dt>
            <dd>{message.sentAt.toISOString()}</dd>
          </>
        )}
      </dl>
      <section aria-labelledby="outbox-html">
        <h2 id="outbox-html" className="text-lg font-semibold text-ink">
          HTML
        </h2>
        {/* sandbox="" runs no script and gives the message no access to the admin's origin. */}
        <iframe
          title="The message as HTML"
          srcDoc={message.html}
          sandbox=""
          className="mt-2 h-[36rem] w-full rounded border border-black/10 bg-white"
        />
      </section>
      <section aria-labelledby="outbox-text">
        <h2 id="outbox-text" className="text-lg font-semibold text-ink">
          Plain text
        </h2>
        <pre className="mt-2 overflow-x-auto rounded bg-white p-4 text-sm whitespace-pre-wrap">{message.text}</pre>
      </section>
    </div>
  );
}
