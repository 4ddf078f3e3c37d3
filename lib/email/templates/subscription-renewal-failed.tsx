import { amount, EmailLayout } from './layout';
import { SubscriptionTerms } from './subscription';
import type { MailProps, SubscriptionMailProps } from './types';

type Props = MailProps & SubscriptionMailProps & { period: number; tries: number; audience: 'shopper' | 'merchant' };

/**
 * Sent when every try at a renewal was declined and no more are made: to the shopper, who
 * can fix the payment method in their Amazon account or cancel, and to the merchant.
 */
export function SubscriptionRenewalFailedEmail(props: Props) {
  const { order, title, period, tries, recurringAmount, accountUrl, audience } = props;
  const due = amount(recurringAmount, order.currency);
  if (audience === 'merchant') {
    return (
      <EmailLayout order={order} title={title}>
        <p>
          Amazon Pay declined all {tries} tries to charge {due} for month {period} of subscription {order.orderNumber}
          {order.buyerEmail ? ` (${order.buyerEmail})` : ''}. The renewal job has stopped trying. The shopper has been told;
          charge it again from the order page once they have updated their payment method, or cancel the subscription.
        </p>
      </EmailLayout>
    );
  }
  return (
    <EmailLayout order={order} title={title}>
      <p>
        We tried {tries} times to charge {due} for month {period} of your subscription, and Amazon Pay declined each time. We will
        not try again on our own. Please update your payment method in your Amazon account, then reply to this message, or cancel
        the subscription.
      </p>
      <SubscriptionTerms order={order} recurringAmount={recurringAmount} nextChargeAt={null} accountUrl={accountUrl} />
    </EmailLayout>
  );
}
