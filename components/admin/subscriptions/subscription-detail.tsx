import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatUtcMinute } from '@/components/ui/format-time';
import { DataTable, rightAligned, Td } from '@/components/ui/table';
import { formatMoney } from '@/lib/money';
import type { AdminSubscriptionDetail } from '@/lib/subscriptions/admin';
import { CancelSubscriptionForm } from './cancel-subscription-form';
import { amountOrDash, dateOrDash } from './format';
import { SubscriptionStateBadge } from './state-badge';

const HISTORY_COLUMNS = ['Period', 'Try', 'Date', rightAligned('Amount'), 'State', 'Charge', 'By'];

function Fact({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-ink-muted">{term}</dt>
      <dd className="text-sm text-ink" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

export function SubscriptionDetail({ subscription }: { subscription: AdminSubscriptionDetail }) {
  const cancellable = subscription.state !== 'cancelled' && subscription.state !== 'starting';
  return (
    <div className="space-y-6">
      <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-black/5" aria-label="Terms">
        <div className="flex flex-wrap items-center gap-3">
          <SubscriptionStateBadge state={subscription.state} />
          <Link href={`/admin/orders/${subscription.number}`} className="text-sm underline">
            Order {subscription.number}
          </Link>
        </div>
        <dl className="mt-4 grid gap-4 sm:grid-cols-3">
          <Fact term="Shopper">
            {subscription.buyerName ?? '—'}
            {subscription.buyerEmail && <div className="text-xs text-ink-muted">{subscription.buyerEmail}</div>}
          </Fact>
          <Fact term="Product">{subscription.product}</Fact>
          <Fact term="Recurring amount">
            {amountOrDash(subscription.recurringAmount)} · {subscription.frequency}
          </Fact>
          <Fact term="Next charge" testId="subscription-next-charge">
            {subscription.nextChargeAt ? `${dateOrDash(subscription.nextChargeAt)} (period ${subscription.nextPeriod})` : 'None'}
          </Fact>
          <Fact term="Declined tries this period">{subscription.declinedTries}</Fact>
          <Fact term="Charge permission">
            <span className="font-mono text-xs">{subscription.chargePermissionId}</span>
          </Fact>
        </dl>
      </section>

      <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-black/5" aria-labelledby="history-heading">
        <h2 id="history-heading" className="text-base font-semibold text-ink">
          Charges by period
        </h2>
        <div className="mt-3 overflow-x-auto">
          <DataTable columns={HISTORY_COLUMNS} label="Charges by period">
            {subscription.history.map((charge) => (
              <tr key={`${charge.period}-${charge.attempt}-${charge.at.toISOString()}`} data-testid="subscription-charge">
                <Td>{charge.period}</Td>
                <Td>{charge.attempt + 1}</Td>
                <Td className="whitespace-nowrap">{formatUtcMinute(charge.at)}</Td>
                <Td align="right">{formatMoney(charge.amount)}</Td>
                <Td>
                  {charge.state}
                  {charge.reasonCode && <div className="text-xs text-ink-muted">{charge.reasonCode}</div>}
                </Td>
                <Td className="font-mono text-xs">{charge.chargeId ?? '—'}</Td>
                <Td>{charge.actor === 'system' ? 'Renewal job' : charge.actor}</Td>
              </tr>
            ))}
          </DataTable>
        </div>
      </section>

      {cancellable && (
        <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-black/5" aria-labelledby="cancel-heading">
          <h2 id="cancel-heading" className="text-base font-semibold text-ink">
            Cancel the subscription
          </h2>
          <p className="text-sm text-ink-muted">
            Closes its charge permission at Amazon Pay, so no renewal is charged again. Charges already made are kept; refund them
            on the order page.
          </p>
          <CancelSubscriptionForm number={subscription.number} />
        </section>
      )}
    </div>
  );
}
