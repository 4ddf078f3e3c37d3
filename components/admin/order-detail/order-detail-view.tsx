'use client';

import { Alert } from '@/components/ui/alert';
import { formatUtcSecond } from '@/components/ui/format-time';
import type { AdminOrderView } from '@/lib/orders/admin/order-view-types';
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
            {order.chargePermissionType && ` · ${order.chargePermissionType}`}
          </p>
        </div>
        <p className="flex items-center gap-2 text-sm">
          <span className="text-ink-muted">Status</span>
          <span data-testid="order-status" className="font-medium">
            {order.statusLabel}
          </span>
          {order.lastReasonCode && <StatusBadge state={order.lastReasonCode} />}
        </p>
      </div>
      {query.isError && <Alert tone="warning">{query.error.message} Showing what we last read.</Alert>}
      <LivePaymentPanel view={view} refreshing={query.isFetching} onRefresh={() => void query.refetch()} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <OrderItems view={view} />
          <PaymentTimeline events={view.events} currency={order.currency} />
        </div>
        <BuyerAndShipping view={view} />
      </div>
    </div>
  );
}
