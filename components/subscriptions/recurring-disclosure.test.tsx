import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { money } from '@/lib/money';
import { recurringTermsBeforePurchase } from '@/lib/subscriptions/terms';
import { RecurringDisclosure } from './recurring-disclosure';

const coffee = { kind: 'subscription' as const, unitPrice: money(2400, 'USD'), quantity: 1 };
const mug = { kind: 'physical' as const, unitPrice: money(9000, 'USD'), quantity: 1 };

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the recurring-payment disclosure', () => {
  it('states the amount with shipping and tax, monthly, the next charge date and how to cancel', () => {
    const html = renderToStaticMarkup(
      <RecurringDisclosure
        terms={{ amount: money(3212, 'USD'), nextChargeAt: new Date('2026-06-30T00:00:00Z'), estimated: false }}
      />,
    );
    expect(text(html)).toContain(
      '$32.12 (shipping and tax included) is charged every month to your Amazon Pay payment method until you cancel.',
    );
    expect(text(html)).toContain('Next charge: June 30, 2026');
    expect(text(html)).toContain('Cancel any time from your account');
    expect(html).toContain('href="/account"');
  });

  it('before purchase says the next charge is one month after the order', () => {
    const html = renderToStaticMarkup(
      <RecurringDisclosure terms={{ amount: money(2995, 'USD'), nextChargeAt: null, estimated: true }} />,
    );
    expect(text(html)).toContain('Next charge: one month after your order.');
    expect(text(html)).toContain('$29.95 (with standard shipping; shipping and tax follow the address you choose at checkout)');
  });
});

describe('the terms before purchase', () => {
  it('price only the subscription lines, shipped and taxed to the chosen destination', () => {
    // $24.00 + $5.95 standard shipping, 7.25% US tax on both: $2.17.
    expect(recurringTermsBeforePurchase([coffee, mug], 'USD', { countryCode: 'US', method: 'standard' })).toEqual({
      amount: money(3212, 'USD'),
      nextChargeAt: null,
      estimated: false,
    });
  });

  it('are an estimate without a destination, and absent without a subscription', () => {
    expect(recurringTermsBeforePurchase([coffee], 'USD')).toMatchObject({ amount: money(2995, 'USD'), estimated: true });
    expect(recurringTermsBeforePurchase([mug], 'USD')).toBeNull();
  });
});
