import { amount, EmailLayout } from './layout';
import type { MailProps } from './types';

/** Sent when the payment of a placed order is declined after checkout; the order page lets the shopper pay again. */
export function PaymentDeclinedEmail({ order, title }: MailProps) {
  return (
    <EmailLayout order={order} title={title}>
      <p>
        Amazon Pay could not take the payment of {amount(order.totalAmount, order.currency)} for your order. Your order is kept;
        choose another way to pay and it goes ahead.
      </p>
      <p>
        <a
          href={order.orderUrl}
          style={{
            display: 'inline-block',
            backgroundColor: '#1f2937',
            color: '#ffffff',
            padding: '10px 16px',
            borderRadius: '6px',
            textDecoration: 'none',
          }}
        >
          Pay again
        </a>
      </p>
    </EmailLayout>
  );
}
