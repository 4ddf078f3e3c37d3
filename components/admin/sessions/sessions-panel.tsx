import { JobActionButton } from '@/components/admin/jobs/job-action-button';
import { formatUtcMinute } from '@/components/ui/format-time';
import type { ActiveSession } from '@/lib/auth/sessions';
import { signOutEverywhereAction } from './actions';

/** The admin's open sessions, and the way to end them all. */
export function SessionsPanel({ sessions, currentId }: { sessions: ActiveSession[]; currentId: string | undefined }) {
  return (
    <section aria-labelledby="sessions-heading" className="card p-5">
      <h2 id="sessions-heading" className="font-semibold text-ink">
        Signed-in sessions
      </h2>
      <ul className="mt-2 flex flex-col gap-2 text-sm" data-testid="admin-sessions">
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-col">
            <span className="text-ink">
              {session.userAgent ?? 'Unknown browser'}
              {session.id === currentId ? ' (this browser)' : ''}
            </span>
            <span className="text-ink-muted">
              {session.clientIp ? `${session.clientIp}, ` : ''}signed in {formatUtcMinute(session.createdAt)}, last seen{' '}
              {formatUtcMinute(session.lastSeenAt)}
            </span>
          </li>
        ))}
      </ul>
      <div className="mt-3">
        <JobActionButton action={signOutEverywhereAction} fields={{}} label="Sign out everywhere" pendingLabel="Signing out…" />
      </div>
    </section>
  );
}
