import Link from 'next/link';
import { formatPrice } from '@/components/ui/price';
import { dueDateInWords } from '@/lib/orders/payments/renewal';
import { SUBSCRIPTION_STATE_LABELS, type SubscriptionSummary } from '@/lib/subscriptions/shopper';
import { CancelSubscriptionButton } from './cancel-subscription-button';

export function SubscriptionsSection({ subscriptions }: { subscriptions: SubscriptionSummary[] }) {
  if (subscriptions.length === 0) return null;
  return (
    <section aria-labelledby="subscriptions-heading" className="card p-6">
      <h2 id="subscriptions-heading" className="mb-3 font-serif text-xl text-ink">
        Your subscriptions
      </h2>
      <ul className="divide-y divide-black/5">
        {subscriptions.map((subscription) => (
          <li
            key={subscription.number}
            data-testid="account-subscription"
            className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm"
          >
            <Link href={`/orders/${subscription.number}`} className="font-mono font-semibold text-brand-700 hover:underline">
              {subscription.number}
            </Link>
            <span data-testid="subscription-state">{SUBSCRIPTION_STATE_LABELS[subscription.state]}</span>
            <span data-testid="subscription-next-charge">
              {subscription.next
                ? `Next charge ${formatPrice(subscription.next.amount)} on ${dueDateInWords(subscription.next.dueAt)}`
                : 'No further charge'}
            </span>
            {subscription.state === 'active' || subscription.state === 'paused' ? (
              <CancelSubscriptionButton number={subscription.number} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
