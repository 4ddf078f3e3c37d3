import { Badge } from '@/components/ui/badge';
import { ADMIN_SUBSCRIPTION_STATE_LABELS, type AdminSubscriptionState } from '@/lib/subscriptions/admin';

const TONES: Record<AdminSubscriptionState, string> = {
  active: 'bg-emerald-100 text-emerald-900',
  starting: 'bg-sky-100 text-sky-900',
  renewal_failing: 'bg-amber-100 text-amber-900',
  renewal_stopped: 'bg-red-100 text-red-900',
  paused: 'bg-amber-100 text-amber-900',
  cancelled: 'bg-slate-200 text-slate-800',
};

/** The subscription's state in words; the label's first phrase on the pill, the rest as its title. */
export function SubscriptionStateBadge({ state }: { state: AdminSubscriptionState }) {
  const label = ADMIN_SUBSCRIPTION_STATE_LABELS[state];
  const [short] = label.split(':');
  return (
    <span title={label}>
      <Badge tone={TONES[state]} testId="subscription-state">
        {short}
      </Badge>
    </span>
  );
}
