import { shopperMessageFor } from '@/lib/checkout/shopper-messages';
import type { OrderProgress } from '@/lib/orders/shopper/progress';
import { orderStatusLabel, type OrderStatus } from '@/lib/orders/status';
import { FocusedHeading } from '@/components/ui/focused-heading';
import { PayAgainButton } from './pay-again-button';
import { PaymentConfirmation } from './payment-confirmation';

const EYEBROWS: Record<Exclude<OrderProgress['kind'], 'declined'>, string> = {
  placed: 'Thank you!',
  confirming: 'Confirming payment',
  awaiting: 'Awaiting payment',
  closed: 'Order canceled',
};

function eyebrow(progress: OrderProgress, status: OrderStatus): string {
  if (progress.kind !== 'declined') return EYEBROWS[progress.kind];
  return status === 'declined' ? 'Payment declined' : 'Payment canceled';
}

/**
 * The top of the order page: what happened to the payment, in words, and what the shopper
 * can do next. Only an order whose money is held is thanked for.
 */
export function OrderStatusCard({
  number,
  status,
  progress,
  buyerEmail,
}: {
  number: string;
  status: OrderStatus;
  progress: OrderProgress;
  buyerEmail: string | null;
}) {
  const failed = progress.kind === 'declined';
  return (
    <div className="card flex flex-col gap-2 p-8 text-center" data-testid="order-progress" data-progress={progress.kind}>
      <p className={`text-sm font-semibold uppercase tracking-wide ${failed ? 'text-red-700' : 'text-brand-700'}`}>
        {eyebrow(progress, status)}
      </p>
      <FocusedHeading className="font-serif text-3xl text-ink">
        Order <span data-testid="order-number">{number}</span>
      </FocusedHeading>
      <p className="text-ink-muted">
        Status: <strong data-testid="order-status">{orderStatusLabel(status)}</strong>
      </p>
      <ProgressDetail number={number} status={status} progress={progress} />
      {progress.kind === 'placed' && buyerEmail ? (
        <p className="text-sm text-ink-muted">A confirmation goes to {buyerEmail}.</p>
      ) : null}
    </div>
  );
}

function ProgressDetail({ number, status, progress }: { number: string; status: OrderStatus; progress: OrderProgress }) {
  switch (progress.kind) {
    case 'confirming':
      return (
        <>
          <p className="text-ink">We&apos;re confirming your payment with Amazon Pay.</p>
          <PaymentConfirmation number={number} status={status} />
        </>
      );
    case 'awaiting':
      return (
        <p className="text-sm text-ink-muted">
          This order has not been paid. If you left Amazon Pay before finishing, your cart still holds the items.
        </p>
      );
    case 'declined':
      return (
        <div className="flex flex-col items-center gap-3">
          <p role="alert" className="text-ink" data-testid="payment-declined-message">
            {shopperMessageFor(progress.reasonCode)}
          </p>
          <p className="text-sm text-ink-muted">Pay again puts these items back in your cart, at today&apos;s prices.</p>
          <PayAgainButton number={number} />
        </div>
      );
    case 'closed':
      return (
        <p className="text-sm text-ink-muted">This order was canceled after it was placed. Contact us if that is unexpected.</p>
      );
    case 'placed':
      return null;
  }
}
