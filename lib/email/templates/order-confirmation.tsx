import { DownloadLinks, EmailLayout, OrderLines, PaymentDescriptor, ShippingAddressBlock } from './layout';
import { OrderSubscriptionTerms } from './subscription';
import type { MailProps } from './types';

/** Sent once an order is placed; a payment Amazon is still authorizing is said so. */
export function OrderConfirmationEmail({ order, title, paymentPending }: MailProps & { paymentPending: boolean }) {
  return (
    <EmailLayout order={order} title={title}>
      <p>
        {paymentPending
          ? 'We have your order. Amazon Pay is still confirming the payment; we will write again as soon as it has.'
          : 'We have your order and your payment is confirmed.'}
      </p>
      <OrderLines order={order} />
      <ShippingAddressBlock order={order} />
      <DownloadLinks order={order} />
      <OrderSubscriptionTerms order={order} />
      <PaymentDescriptor order={order} />
    </EmailLayout>
  );
}
