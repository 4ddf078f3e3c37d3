import { Fragment, type ReactNode } from 'react';
import { AmazonTerm } from '@/components/ui/amazon-term';
import { formatUtcSecond } from '@/components/ui/format-time';
import { orderStatusLabel } from '@/lib/orders/status';
import type { EventView } from '@/lib/orders/admin/order-view-types';
import { fulfilmentStatusLabel } from '@/lib/orders/fulfilment-status';
import { formatMinor } from './format';
import { Panel } from './panel';

const LABELS: Record<string, string> = {
  'checkout.order_created': 'Order created at checkout',
  'checkout.order_updated': 'Order updated at checkout',
  'checkout.completed': 'Checkout completed',
  'checkout.canceled': 'Checkout canceled',
  'charge.state': 'Charge',
  'refund.state': 'Refund',
  'charge_permission.state': 'Charge permission',
  'order.status_changed': 'Order status',
  'order.fulfilment_changed': 'Fulfilment',
  'admin.capture': 'Admin captured',
  'admin.cancel': 'Admin canceled the charge',
  'admin.refund': 'Admin refunded',
  'admin.close_charge_permission': 'Admin closed the charge permission',
  'admin.update_metadata': 'Admin updated merchant metadata',
  'admin.charge_again': 'Admin charged the subscription again',
  'admin.delivery_tracking': 'Admin added delivery tracking',
  'chargeback.received': 'Chargeback received from Amazon',
};

/** A short, readable summary of an event's detail: states, reason codes and amounts only, Amazon's codes in words. */
function summary(event: EventView, currency: string): ReactNode[] {
  const parts: ReactNode[] = [];
  const { detail } = event;
  if (typeof detail.state === 'string') parts.push(<AmazonTerm key="state" code={detail.state} />);
  if (typeof detail.status === 'string') parts.push(orderStatusLabel(detail.status));
  if (typeof detail.fulfilmentStatus === 'string') parts.push(fulfilmentStatusLabel(detail.fulfilmentStatus));
  if (typeof detail.reasonCode === 'string')
    parts.push(
      <Fragment key="reason">
        reason <AmazonTerm code={detail.reasonCode} />
      </Fragment>,
    );
  if (typeof detail.reason === 'string') parts.push(`“${detail.reason}”`);
  for (const key of ['amount', 'total', 'captured', 'refunded'] as const) {
    const value = detail[key];
    if (typeof value === 'number' && (key !== 'refunded' || value > 0))
      parts.push(`${key === 'amount' || key === 'total' ? '' : `${key} `}${formatMinor(value, currency)}`);
  }
  if (typeof detail.carrierCode === 'string' && typeof detail.trackingNumber === 'string')
    parts.push(`${detail.carrierCode} ${detail.trackingNumber}`);
  return parts.flatMap((part, index) => (index === 0 ? [part] : [' · ', part]));
}

export function PaymentTimeline({ events, currency }: { events: EventView[]; currency: string }) {
  return (
    <Panel headingId="timeline-heading" title="Payment timeline" note="What we recorded, oldest first.">
      <ol className="mt-3 space-y-2 border-l border-black/10 pl-4 text-sm" data-testid="payment-timeline">
        {events.map((event) => (
          <li key={event.id} className="relative">
            <span aria-hidden="true" className="absolute -left-[1.3rem] top-1.5 h-2 w-2 rounded-full bg-slate-400" />
            <p>
              <span className="font-medium text-ink">{LABELS[event.type] ?? event.type}</span>
              <Summary parts={summary(event, currency)} />
            </p>
            <p className="text-xs text-ink-muted">
              {formatUtcSecond(event.at)} · by {event.actor}
              {event.amazonObjectId && <span className="font-mono"> · {event.amazonObjectId}</span>}
            </p>
          </li>
        ))}
      </ol>
    </Panel>
  );
}

function Summary({ parts }: { parts: ReactNode[] }) {
  if (parts.length === 0) return null;
  return (
    <span className="text-ink-muted">
      {' — '}
      {parts.map((part, index) => (
        <Fragment key={index}>{part}</Fragment>
      ))}
    </span>
  );
}
