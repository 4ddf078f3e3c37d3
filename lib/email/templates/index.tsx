import { renderHtml, renderText } from '../render';
import type { EmailKind } from '../kinds';
import { OrderConfirmationEmail } from './order-confirmation';
import { OrderShippedEmail } from './order-shipped';
import { PaymentConfirmedEmail } from './payment-confirmed';
import { PaymentDeclinedEmail } from './payment-declined';
import { RefundIssuedEmail } from './refund-issued';
import { SubscriptionCancelledEmail } from './subscription-cancelled';
import { SubscriptionRenewalFailedEmail } from './subscription-renewal-failed';
import { SubscriptionRenewedEmail } from './subscription-renewed';
import type { OrderMailData, SubscriptionMailProps } from './types';

export type { OrderMailData, SubscriptionMailProps } from './types';

/** What a message says beyond the order itself, one shape per kind. */
export type EmailContent =
  | { kind: 'order_confirmation'; paymentPending: boolean }
  | { kind: 'payment_confirmed' }
  | { kind: 'payment_declined' }
  | { kind: 'refund_issued'; refundAmount: number }
  | { kind: 'order_shipped'; carrierCode: string; trackingNumber: string }
  | ({ kind: 'subscription_renewed'; period: number; chargedAmount: number } & SubscriptionMailProps)
  | ({
      kind: 'subscription_renewal_failed';
      period: number;
      tries: number;
      audience: 'shopper' | 'merchant';
    } & SubscriptionMailProps)
  | ({ kind: 'subscription_cancelled' } & SubscriptionMailProps);

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const SUBJECTS: { [K in EmailKind]: (number: string, content: Extract<EmailContent, { kind: K }>) => string } = {
  order_confirmation: (number) => `Thank you for your order ${number}`,
  payment_confirmed: (number) => `Payment confirmed for order ${number}`,
  payment_declined: (number) => `Payment declined for order ${number}`,
  refund_issued: (number) => `Refund for order ${number}`,
  order_shipped: (number) => `Order ${number} has shipped`,
  subscription_renewed: (number) => `Your subscription ${number} is renewed`,
  subscription_renewal_failed: (number, content) =>
    content.audience === 'merchant'
      ? `Renewals of subscription ${number} stopped after ${content.tries} declines`
      : `We could not renew your subscription ${number}`,
  subscription_cancelled: (number) => `Your subscription ${number} is cancelled`,
};

function subjectOf<K extends EmailKind>(number: string, content: Extract<EmailContent, { kind: K }>): string {
  return (SUBJECTS[content.kind] as (number: string, content: Extract<EmailContent, { kind: K }>) => string)(number, content);
}

function template(order: OrderMailData, title: string, content: EmailContent) {
  const props = { order, title };
  switch (content.kind) {
    case 'order_confirmation':
      return <OrderConfirmationEmail {...props} paymentPending={content.paymentPending} />;
    case 'payment_confirmed':
      return <PaymentConfirmedEmail {...props} />;
    case 'payment_declined':
      return <PaymentDeclinedEmail {...props} />;
    case 'refund_issued':
      return <RefundIssuedEmail {...props} refundAmount={content.refundAmount} />;
    case 'order_shipped':
      return <OrderShippedEmail {...props} carrierCode={content.carrierCode} trackingNumber={content.trackingNumber} />;
    case 'subscription_renewed':
      return <SubscriptionRenewedEmail {...props} {...content} />;
    case 'subscription_renewal_failed':
      return <SubscriptionRenewalFailedEmail {...props} {...content} />;
    case 'subscription_cancelled':
      return <SubscriptionCancelledEmail {...props} {...content} />;
  }
}

/** One message's subject, HTML and plain text, from the same template. */
export function renderOrderEmail(order: OrderMailData, content: EmailContent): RenderedEmail {
  const subject = subjectOf(order.orderNumber, content);
  const element = template(order, subject, content);
  return { subject, html: `<!DOCTYPE html>${renderHtml(element)}`, text: renderText(element) };
}
