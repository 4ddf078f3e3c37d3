import { dueDateInWords } from '@/lib/orders/payments/renewal';
import { amount } from './layout';
import type { OrderMailData } from './types';

/**
 * What every subscription message repeats, as Amazon Pay asks merchants to tell the buyer:
 * the recurring amount, its frequency, the next charge and how to cancel
 * (https://developer.amazon.com/docs/amazon-pay-checkout/multi-use-payments.html).
 */
export function SubscriptionTerms({
  order,
  recurringAmount,
  nextChargeAt,
  accountUrl,
}: {
  order: OrderMailData;
  recurringAmount: number;
  nextChargeAt: Date | null;
  accountUrl: string;
}) {
  return (
    <div>
      <p>
        Your subscription: {amount(recurringAmount, order.currency)} every month.
        <br />
        {nextChargeAt ? `Next charge: ${dueDateInWords(nextChargeAt)}.` : 'No further charge is scheduled.'}
      </p>
      <p>
        To cancel, open your account page and choose “Cancel subscription”: <a href={accountUrl}>{accountUrl}</a>
      </p>
    </div>
  );
}

/** The subscription's terms, on the messages about a subscription order's own payment. */
export function OrderSubscriptionTerms({ order }: { order: OrderMailData }) {
  if (!order.subscription) return null;
  return <SubscriptionTerms order={order} {...order.subscription} />;
}
