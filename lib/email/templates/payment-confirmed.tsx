import { amount, DownloadLinks, EmailLayout, PaymentDescriptor } from './layout';
import { OrderSubscriptionTerms } from './subscription';
import type { MailProps } from './types';

/** Sent when a payment that Amazon Pay was still authorizing at checkout goes through. */
export function PaymentConfirmedEmail({ order, title }: MailProps) {
  return (
    <EmailLayout order={order} title={title}>
      <p>Amazon Pay has confirmed your payment of {amount(order.totalAmount, order.currency)}. We are preparing your order.</p>
      <PaymentDescriptor order={order} />
      <DownloadLinks order={order} />
      <OrderSubscriptionTerms order={order} />
    </EmailLayout>
  );
}
