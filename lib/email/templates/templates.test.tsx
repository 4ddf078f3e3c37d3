import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CurrencyCode } from '@/lib/money';
import { renderHtml } from '../render';
import { OrderConfirmationEmail } from './order-confirmation';
import { renderOrderEmail, type EmailContent, type OrderMailData } from '.';

function orderIn(currency: CurrencyCode, amounts: { unit: number; shipping: number; tax: number }): OrderMailData {
  const lineTotal = amounts.unit * 2;
  return {
    storeName: 'Northwind Goods',
    orderNumber: 'NW-100042',
    orderUrl: 'https://shop.example/orders/NW-100042',
    buyerName: 'Jane Doe',
    currency,
    lines: [{ name: 'Enamel camp mug', quantity: 2, unitPriceAmount: amounts.unit, lineTotalAmount: lineTotal }],
    subtotalAmount: lineTotal,
    shippingAmount: amounts.shipping,
    taxAmount: amounts.tax,
    totalAmount: lineTotal + amounts.shipping + amounts.tax,
    shippingAddress: {
      name: 'Jane Doe',
      lines: ['1 Main St', 'Apt <2>'],
      city: 'Seattle',
      stateOrRegion: 'WA',
      postalCode: '98101',
      countryCode: 'US',
      phoneNumber: null,
    },
    paymentDescriptor: 'Visa ****1111',
  };
}

const usdOrder = orderIn('USD', { unit: 1250, shipping: 499, tax: 0 });
const jpyOrder = orderIn('JPY', { unit: 1500, shipping: 500, tax: 300 });

describe('order e-mail templates', () => {
  it('write the same HTML as react-dom/server', () => {
    const element = <OrderConfirmationEmail order={usdOrder} title="Thank you" paymentPending={false} />;
    expect(renderHtml(element)).toBe(renderToStaticMarkup(element));
    expect(renderHtml(element)).toContain('Apt &lt;2&gt;');
  });

  it('show USD amounts in dollars and cents, in the HTML and the text', () => {
    const { subject, html, text } = renderOrderEmail(usdOrder, { kind: 'order_confirmation', paymentPending: false });
    expect(subject).toBe('Thank you for your order NW-100042');
    expect(html).toContain('$25.00');
    expect(text).toContain('Enamel camp mug × 2 $25.00');
    expect(text).toContain('Shipping $4.99');
    expect(text).toContain('Total $29.99');
    expect(text).toContain('Payment method: Amazon Pay (Visa ****1111)');
    expect(text).toContain('Apt <2>');
  });

  it('show JPY amounts in whole yen', () => {
    const { html, text } = renderOrderEmail(jpyOrder, { kind: 'order_confirmation', paymentPending: true });
    expect(text).toContain('Enamel camp mug × 2 ¥3,000');
    expect(text).toContain('Total ¥3,800');
    expect(html).toContain('¥3,800');
    expect(text).not.toMatch(/¥[\d,]+\.\d/);
    expect(text).toContain('still confirming the payment');
  });

  it.each<[EmailContent, string[]]>([
    [{ kind: 'payment_confirmed' }, ['Payment confirmed for order NW-100042', 'payment of ¥3,800']],
    [{ kind: 'payment_declined' }, ['Payment declined for order NW-100042', 'Pay again (https://shop.example/orders/NW-100042)']],
    [{ kind: 'refund_issued', refundAmount: 1200 }, ['Refund for order NW-100042', 'refunded ¥1,200']],
    [
      { kind: 'order_shipped', carrierCode: 'YAMATO', trackingNumber: '1234-5678' },
      ['Order NW-100042 has shipped', 'Carrier: YAMATO', 'Tracking number: 1234-5678'],
    ],
  ])('render %o with its facts', (content, expected) => {
    const { subject, text } = renderOrderEmail(jpyOrder, content);
    for (const fragment of expected) expect(`${subject}\n${text}`).toContain(fragment);
  });

  it('link "Pay again" to the order page', () => {
    const { html } = renderOrderEmail(usdOrder, { kind: 'payment_declined' });
    expect(html).toMatch(/<a href="https:\/\/shop\.example\/orders\/NW-100042"[^>]*>Pay again<\/a>/);
  });
});
