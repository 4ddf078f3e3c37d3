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
    buyerEmail: 'jane@example.com',
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
    downloads: [],
    subscription: null,
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

  it("carry a paid order's download links, with their expiry, in the confirmation and the payment confirmed", () => {
    const url = 'https://shop.example/api/downloads/signed-token';
    const withFile = {
      ...usdOrder,
      downloads: [{ name: 'Brewing field guide', url, expiresAt: new Date('2026-03-02T12:00:00Z') }],
    };
    for (const content of [{ kind: 'order_confirmation', paymentPending: false }, { kind: 'payment_confirmed' }] as const) {
      const { html, text } = renderOrderEmail(withFile, content);
      expect(html).toContain(`<a href="${url}">Brewing field guide</a>`);
      expect(text).toContain('Your downloads');
      expect(text).toContain('Mon, 02 Mar 2026 12:00:00 GMT');
    }
    expect(renderOrderEmail(usdOrder, { kind: 'order_confirmation', paymentPending: false }).text).not.toContain(
      'Your downloads',
    );
  });

  it("state a subscription order's recurring amount, next charge and how to cancel in its confirmation", () => {
    const subscribed = {
      ...usdOrder,
      subscription: {
        recurringAmount: 3319,
        nextChargeAt: new Date('2027-01-01T00:00:00Z'),
        accountUrl: 'https://shop.example/account',
      },
    };
    for (const content of [{ kind: 'order_confirmation', paymentPending: false }, { kind: 'payment_confirmed' }] as const) {
      const { text } = renderOrderEmail(subscribed, content);
      expect(text).toContain('Your subscription: $33.19 every month.');
      expect(text).toMatch(/Next charge: .*2027/);
      expect(text).toContain('https://shop.example/account');
    }
    expect(renderOrderEmail(usdOrder, { kind: 'order_confirmation', paymentPending: false }).text).not.toContain(
      'Your subscription',
    );
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

  const terms = {
    recurringAmount: 3212,
    nextChargeAt: new Date(Date.UTC(2026, 2, 31)),
    accountUrl: 'https://shop.example/account',
    storeUrl: 'https://shop.example/',
  };

  it.each<[EmailContent, string[]]>([
    [
      { kind: 'subscription_renewed', period: 2, chargedAmount: 3212, ...terms },
      [
        'Your subscription NW-100042 is renewed',
        'charged $32.12 for month 2',
        'Your subscription: $32.12 every month.',
        'Next charge: March 31, 2026.',
        '“Cancel subscription”: https://shop.example/account',
      ],
    ],
    [
      { kind: 'subscription_renewal_failed', period: 2, tries: 3, audience: 'shopper', ...terms, nextChargeAt: null },
      [
        'We could not renew your subscription NW-100042',
        'We tried 3 times to charge $32.12 for month 2',
        'No further charge is scheduled.',
        'https://shop.example/account',
        'Hello Jane Doe',
      ],
    ],
    [
      { kind: 'subscription_cancelled', ...terms, nextChargeAt: null },
      [
        'Your subscription NW-100042 is cancelled',
        'will not charge the $32.12 a month again',
        'no further charge is scheduled',
        'https://shop.example/',
      ],
    ],
  ])('state the amount, the next charge and how to cancel in %o', (content, expected) => {
    const { subject, html, text } = renderOrderEmail(usdOrder, content);
    for (const fragment of expected) expect(`${subject}\n${text}`).toContain(fragment);
    expect(html).toContain(expected[1]!);
  });

  it('tell the merchant which subscription stopped renewing, for whom, without greeting them as the shopper', () => {
    const merchantCopy = { ...usdOrder, buyerName: null, orderUrl: 'https://shop.example/admin/orders/NW-100042' };
    const { subject, text } = renderOrderEmail(merchantCopy, {
      kind: 'subscription_renewal_failed',
      period: 4,
      tries: 3,
      audience: 'merchant',
      ...terms,
      nextChargeAt: null,
    });
    expect(subject).toBe('Renewals of subscription NW-100042 stopped after 3 declines');
    expect(text).toContain('declined all 3 tries to charge $32.12 for month 4 of subscription NW-100042 (jane@example.com)');
    expect(text).toContain('https://shop.example/admin/orders/NW-100042');
    expect(text).not.toContain('Hello');
  });

  it('show a JPY renewal in whole yen', () => {
    const { text } = renderOrderEmail(jpyOrder, { kind: 'subscription_renewed', period: 3, chargedAmount: 3800, ...terms });
    expect(text).toContain('charged ¥3,800 for month 3');
  });

  it('link "Pay again" to the order page', () => {
    const { html } = renderOrderEmail(usdOrder, { kind: 'payment_declined' });
    expect(html).toMatch(/<a href="https:\/\/shop\.example\/orders\/NW-100042"[^>]*>Pay again<\/a>/);
  });
});
