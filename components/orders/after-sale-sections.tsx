import { formatUtcMinute } from '@/components/ui/format-time';
import { formatPrice } from '@/components/ui/price';
import { SHIPPING_METHOD_LABELS, type ShippingMethod } from '@/lib/checkout/pricing';
import { fulfilmentStatusLabel } from '@/lib/orders/fulfilment-status';
import type { OrderAfterSale, OrderFulfilment, OrderRefundEntry } from '@/lib/orders/shopper/after-sale';

// Refund states: https://developer.amazon.com/docs/amazon-pay-api-v2/refund.html
const REFUND_STATE_LABELS: Record<string, string> = {
  RefundInitiated: 'Being processed',
  Refunded: 'Refunded',
  Declined: 'Declined',
};

function refundStateLabel(state: OrderRefundEntry['state']): string {
  return REFUND_STATE_LABELS[state] ?? 'Being processed';
}

/** Where the parcel is, in one sentence: the status first, then the latest carrier and tracking number. */
function FulfilmentLine({ fulfilment }: { fulfilment: OrderFulfilment }) {
  const when = fulfilment.status === 'delivered' ? fulfilment.deliveredAt : fulfilment.shippedAt;
  return (
    <p className="mt-2" data-testid="order-fulfilment" data-status={fulfilment.status}>
      <span className="font-semibold" data-testid="order-fulfilment-status">
        {fulfilmentStatusLabel(fulfilment.status)}
      </span>
      {fulfilment.carrierCode && fulfilment.trackingNumber ? (
        <>
          {' '}
          with <span className="font-semibold">{fulfilment.carrierCode}</span>, tracking number{' '}
          <span className="font-mono">{fulfilment.trackingNumber}</span>
        </>
      ) : null}
      {when ? <span className="text-ink-muted"> · {formatUtcMinute(when)}</span> : null}
    </p>
  );
}

function isShippingMethod(value: string): value is ShippingMethod {
  return Object.hasOwn(SHIPPING_METHOD_LABELS, value);
}

/**
 * How a shipped order travels (the method chosen at checkout, where it is now with its latest
 * parcel, and every parcel when there were several), and its refunds.
 */
export function AfterSaleSections({
  shippingMethod,
  ships,
  afterSale,
}: {
  shippingMethod: string | null;
  ships: boolean;
  afterSale: OrderAfterSale;
}) {
  const method = shippingMethod && isShippingMethod(shippingMethod) ? SHIPPING_METHOD_LABELS[shippingMethod] : null;
  return (
    <>
      {ships ? (
        <section aria-labelledby="delivery-heading" className="card p-6" data-testid="order-delivery">
          <h2 id="delivery-heading" className="mb-2 font-serif text-lg text-ink">
            Delivery
          </h2>
          {method ? <p data-testid="order-delivery-method">{method}</p> : null}
          <FulfilmentLine fulfilment={afterSale.fulfilment} />
          {afterSale.tracking.length > 1 ? (
            <ul className="mt-2 flex flex-col gap-1 text-sm">
              {afterSale.tracking.map((parcel) => (
                <li key={`${parcel.carrierCode}:${parcel.trackingNumber}`} data-testid="order-tracking">
                  Shipped with <span className="font-semibold">{parcel.carrierCode}</span>, tracking number{' '}
                  <span className="font-mono">{parcel.trackingNumber}</span>
                  <span className="text-ink-muted"> · {formatUtcMinute(parcel.addedAt)}</span>
                </li>
              ))}
            </ul>
          ) : afterSale.fulfilment.status === 'unfulfilled' ? (
            <p className="mt-2 text-sm text-ink-muted">A tracking number appears here once your parcel ships.</p>
          ) : null}
        </section>
      ) : null}
      {afterSale.refunds.length > 0 ? (
        <section aria-labelledby="refunds-heading" className="card p-6" data-testid="order-refunds">
          <h2 id="refunds-heading" className="mb-2 font-serif text-lg text-ink">
            Refunds
          </h2>
          <ul className="divide-y divide-black/5 text-sm">
            {afterSale.refunds.map((refund) => (
              <li key={refund.refundId} className="flex justify-between gap-4 py-2" data-testid="order-refund">
                <span>
                  {refundStateLabel(refund.state)}
                  <span className="text-ink-muted"> · {formatUtcMinute(refund.requestedAt)}</span>
                </span>
                <span>{formatPrice(refund.amount)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
