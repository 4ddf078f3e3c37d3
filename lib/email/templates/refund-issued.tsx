import { amount, EmailLayout } from './layout';
import type { MailProps } from './types';

/** Sent when Amazon Pay has refunded money to the shopper. */
export function RefundIssuedEmail({ order, title, refundAmount }: MailProps & { refundAmount: number }) {
  return (
    <EmailLayout order={order} title={title}>
      <p>
        We have refunded {amount(refundAmount, order.currency)} to your Amazon Pay payment method. Depending on your bank it may
        take a few days to show.
      </p>
    </EmailLayout>
  );
}
