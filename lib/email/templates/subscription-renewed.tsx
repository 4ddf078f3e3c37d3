import { amount, EmailLayout, PaymentDescriptor } from './layout';
import { SubscriptionTerms } from './subscription';
import type { MailProps, SubscriptionMailProps } from './types';

/** Sent when a renewal of the subscription has been charged. */
export function SubscriptionRenewedEmail({
  order,
  title,
  period,
  chargedAmount,
  recurringAmount,
  nextChargeAt,
  accountUrl,
}: MailProps & SubscriptionMailProps & { period: number; chargedAmount: number }) {
  return (
    <EmailLayout order={order} title={title}>
      <p>
        Amazon Pay has charged {amount(chargedAmount, order.currency)} for month {period} of your subscription. Thank you for
        staying with us.
      </p>
      <PaymentDescriptor order={order} />
      <SubscriptionTerms order={order} recurringAmount={recurringAmount} nextChargeAt={nextChargeAt} accountUrl={accountUrl} />
    </EmailLayout>
  );
}
