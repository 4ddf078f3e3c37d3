import Link from 'next/link';
import { DataTable, rightAligned, Td } from '@/components/ui/table';
import type { AdminSubscription } from '@/lib/subscriptions/admin';
import { amountOrDash, dateOrDash } from './format';
import { SubscriptionStateBadge } from './state-badge';

const COLUMNS = ['Subscription', 'State', 'Shopper', 'Product', rightAligned('Amount'), 'Next charge', 'Order'];

export function SubscriptionList({ subscriptions }: { subscriptions: AdminSubscription[] }) {
  if (subscriptions.length === 0) return <p className="mt-6 text-sm text-ink-muted">No subscriptions yet.</p>;
  return (
    <div className="mt-6 overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-black/5">
      <DataTable columns={COLUMNS} label="Subscriptions">
        {subscriptions.map((subscription) => (
          <tr key={subscription.number} data-testid="subscription-row">
            <Td>
              <Link
                href={`/admin/subscriptions/${subscription.number}`}
                className="font-medium text-ink underline"
                aria-label={`History of subscription ${subscription.number}`}
              >
                {subscription.number}
              </Link>
              <div className="text-xs text-ink-muted">since {dateOrDash(subscription.placedAt)}</div>
            </Td>
            <Td>
              <SubscriptionStateBadge state={subscription.state} />
            </Td>
            <Td>
              <div>{subscription.buyerName ?? '—'}</div>
              <div className="text-xs text-ink-muted">{subscription.buyerEmail}</div>
            </Td>
            <Td>{subscription.product}</Td>
            <Td align="right" className="whitespace-nowrap">
              {amountOrDash(subscription.recurringAmount)}
              <div className="text-xs text-ink-muted">{subscription.frequency}</div>
            </Td>
            <Td className="whitespace-nowrap" data-testid="subscription-next-charge">
              {dateOrDash(subscription.nextChargeAt)}
            </Td>
            <Td>
              <Link
                href={`/admin/orders/${subscription.number}`}
                className="underline"
                aria-label={`Order ${subscription.number}`}
              >
                Order
              </Link>
            </Td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
