import { renderHtml, renderText } from '../render';
import type { EmailKind } from '../kinds';
import { OrderConfirmationEmail } from './order-confirmation';
import { OrderShippedEmail } from './order-shipped';
import { PaymentConfirmedEmail } from './payment-confirmed';
import { PaymentDeclinedEmail } from './payment-declined';
import { RefundIssuedEmail } from './refund-issued';
import type { OrderMailData } from './types';

export type { OrderMailData } from './types';

/** What a message says beyond the order itself, one shape per kind. */
export type EmailContent =
  | { kind: 'order_confirmation'; paymentPending: boolean }
  | { kind: 'payment_confirmed' }
  | { kind: 'payment_declined' }
  | { kind: 'refund_issued'; refundAmount: number }
  | { kind: 'order_shipped'; carrierCode: string; trackingNumber: string };

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const SUBJECTS: Record<EmailKind, (number: string) => string> = {
  order_confirmation: (number) => `Thank you for your order ${number}`,
  payment_confirmed: (number) => `Payment confirmed for order ${number}`,
  payment_declined: (number) => `Payment declined for order ${number}`,
  refund_issued: (number) => `Refund for order ${number}`,
  order_shipped: (number) => `Order ${number} has shipped`,
};

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
  }
}

/** One message's subject, HTML and plain text, from the same template. */
export function renderOrderEmail(order: OrderMailData, content: EmailContent): RenderedEmail {
  const subject = SUBJECTS[content.kind](order.orderNumber);
  const element = template(order, subject, content);
  return { subject, html: `<!DOCTYPE html>${renderHtml(element)}`, text: renderText(element) };
}
