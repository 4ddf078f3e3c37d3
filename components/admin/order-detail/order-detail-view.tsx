'use client';

import { Alert } from '@/components/ui/alert';
import { AmazonTerm } from '@/components/ui/amazon-term';
import { formatUtcSecond } from '@/components/ui/format-time';
import type { AdminOrderView, ChargebackView } from '@/lib/orders/admin/order-view-types';
import { FulfilmentPanel } from './fulfilment-panel';
import { LivePaymentPanel } from './live-payment-panel';
import { BuyerAndShipping, OrderItems } from './order-summary';
import { PaymentTimeline } from './payment-timeline';
import { StatusBadge } from './status-badge';
import { useOrderView } from './use-order-view';

/** The admin order page: stored order and timeline beside Amazon's live state, kept fresh by TanStack Query. */
export function OrderDetailView({ initial }: { initial: AdminOrderView }) {
  const query = useOrderView(initial);
  const view = query.data;
  const { order } = view;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-ink">
            Order <span className="font-mono">{order.number}</span>
          </h1>
          <p className="text-sm text-ink-muted">
            Placed {formatUtcSecond(order.placedAt)} · {order.fulfilment}
            {order.chargePermissionType && (
              <>
                {' · '}
                <AmazonTerm code={order.chargePermissionType} />
              </>
            )}
          </p>
        </div>
        <p className="flex items-center gap-2 text-sm">
          <span className="text-ink-muted">Status</span>
          <span data-testid="order-status" className="font-medium">
            {order.statusLabel}
          </span>
          {order.lastReasonCode && <StatusBadge state={order.lastReasonCode} testId="order-reason" />}
        </p>
      </div>
      {view.chargebacks.length > 0 && <ChargebackNotice chargebacks={view.chargebacks} />}
      {query.isError && <Alert tone="warning">{query.error.message} Showing what we last read.</Alert>}
      <LivePaymentPanel view={view} refreshing={query.isFetching} onRefresh={() => void query.refetch()} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <OrderItems view={view} />
          <PaymentTimeline events={view.events} currency={order.currency} />
        </div>
        <div className="space-y-6">
          <FulfilmentPanel view={view} />
          <BuyerAndShipping view={view} />
        </div>
      </div>
    </div>
  );
}

/** A chargeback needs the merchant's answer in Seller Central; Amazon's IPN is all we get. */
function ChargebackNotice({ chargebacks }: { chargebacks: ChargebackView[] }) {
  return (
    <Alert tone="error">
      <p className="font-semibold" data-testid="order-chargeback">
        Chargeback: the buyer&apos;s bank disputes this payment.
      </p>
      <ul className="mt-1 list-disc pl-5">
        {chargebacks.map((chargeback) => (
          <li key={chargeback.chargebackId}>
            <span className="font-mono">{chargeback.chargebackId}</span>, received {formatUtcSecond(chargeback.receivedAt)}
          </li>
        ))}
      </ul>
      <p className="mt-1">Answer it in Seller Central before Amazon&apos;s deadline.</p>
    </Alert>
  );
}
