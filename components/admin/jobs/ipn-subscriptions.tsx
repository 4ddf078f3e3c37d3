import { Badge } from '@/components/ui/badge';
import { formatUtcSecond } from '@/components/ui/format-time';
import { DataTable, Td, type Column } from '@/components/ui/table';
import type { IpnSubscriptionRow } from '@/lib/ipn/subscriptions';

const COLUMNS: readonly Column[] = ['Topic', 'Status', 'Last confirmation', 'Detail'];

const TONE: Record<IpnSubscriptionRow['status'], string> = {
  confirmed: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
  refused: 'bg-rose-50 text-rose-800 ring-rose-600/20',
  failed: 'bg-amber-50 text-amber-800 ring-amber-600/20',
};

/** Whether Amazon's SNS topic has our IPN endpoint subscribed: each SubscriptionConfirmation and its outcome. */
export function IpnSubscriptionsCard({ subscriptions }: { subscriptions: IpnSubscriptionRow[] }) {
  return (
    <section aria-labelledby="ipn-subscriptions" className="card p-5">
      <h2 id="ipn-subscriptions" className="font-semibold text-ink">
        IPN subscriptions
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        Amazon Pay sends IPNs through an SNS topic, which asks this store to confirm first. Only topics listed in
        AMAZON_PAY_IPN_TOPIC_ARNS are confirmed.
      </p>
      {subscriptions.length === 0 ? (
        <p className="mt-4 text-sm text-ink-muted" data-testid="ipn-subscriptions-empty">
          No subscription confirmation has arrived yet.
        </p>
      ) : (
        <DataTable columns={COLUMNS} label="IPN subscriptions" className="mt-4">
          {subscriptions.map((subscription) => (
            <tr key={subscription.topicArn} data-testid="ipn-subscription">
              <Td className="font-mono text-xs break-all">{subscription.topicArn}</Td>
              <Td>
                <Badge tone={TONE[subscription.status]} ring>
                  {subscription.status}
                </Badge>
              </Td>
              <Td className="whitespace-nowrap">
                {formatUtcSecond((subscription.confirmedAt ?? subscription.receivedAt).toISOString())}
              </Td>
              <Td className="text-xs break-all">
                {subscription.status === 'confirmed' ? subscription.subscriptionArn : subscription.lastError}
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
