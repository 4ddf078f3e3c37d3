import { amount, EmailLayout } from './layout';
import type { MailProps, SubscriptionMailProps } from './types';

/** Sent once the subscription's charge permission is closed, by the shopper, the merchant or Amazon. */
export function SubscriptionCancelledEmail({ order, title, recurringAmount, storeUrl }: MailProps & SubscriptionMailProps) {
  return (
    <EmailLayout order={order} title={title}>
      <p>
        Your subscription is cancelled. Amazon Pay will not charge the {amount(recurringAmount, order.currency)} a month again,
        and no further charge is scheduled. What you have already paid for is not affected.
      </p>
      <p>
        To subscribe again, order it from our shop: <a href={storeUrl}>{storeUrl}</a>
      </p>
    </EmailLayout>
  );
}
