'use client';

import { markDeliveredAction } from '@/components/admin/order-actions';
import { Badge } from '@/components/ui/badge';
import { formatUtcSecond } from '@/components/ui/format-time';
import type { AdminOrderView } from '@/lib/orders/admin/order-view-types';
import { OperationForm } from './operation-form';
import { Panel } from './panel';

const TONES: Record<string, string> = {
  unfulfilled: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  shipped: 'bg-sky-50 text-sky-800 ring-sky-600/20',
  delivered: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
};

/** Where a physical order's goods are, with its latest parcel, and the merchant's "delivered". */
export function FulfilmentPanel({ view }: { view: AdminOrderView }) {
  const { order } = view;
  const fulfilment = order.fulfilmentStatus;
  if (!order.hasPhysicalGoods) return null;
  return (
    <Panel headingId="fulfilment-heading" title="Fulfilment" data-testid="fulfilment-panel">
      <p className="mt-3 text-sm">
        <Badge tone={TONES[fulfilment.status] ?? TONES.unfulfilled!} ring testId="fulfilment-status">
          {fulfilment.label}
        </Badge>
      </p>
      {fulfilment.carrierCode && fulfilment.trackingNumber ? (
        <p className="mt-2 text-sm" data-testid="fulfilment-parcel">
          With <span className="font-semibold">{fulfilment.carrierCode}</span>, tracking number{' '}
          <span className="font-mono">{fulfilment.trackingNumber}</span>
        </p>
      ) : null}
      <dl className="mt-2 space-y-1 text-xs text-ink-muted">
        {(
          [
            ['Shipped', fulfilment.shippedAt],
            ['Delivered', fulfilment.deliveredAt],
          ] as const
        ).map(([label, at]) =>
          at ? (
            <div key={label}>
              <dt className="inline">{label} </dt>
              <dd className="inline">{formatUtcSecond(at)}</dd>
            </div>
          ) : null,
        )}
      </dl>
      {order.trackingRefusal ? (
        <p className="mt-3 text-sm text-ink-muted" data-testid="tracking-refusal">
          No tracking or delivery to record: {lowerFirst(order.trackingRefusal)}
        </p>
      ) : fulfilment.status === 'shipped' ? (
        <div className="mt-3">
          <OperationForm
            action={markDeliveredAction}
            orderNumber={order.number}
            submitLabel="Mark delivered"
            variant="secondary"
            testId="delivered-form"
          />
        </div>
      ) : fulfilment.status === 'unfulfilled' ? (
        <p className="mt-3 text-sm text-ink-muted">
          Send its tracking to Amazon Pay under the charge permission above; the order is then shipped.
        </p>
      ) : null}
    </Panel>
  );
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
