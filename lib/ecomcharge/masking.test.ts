import { describe, expect, it } from 'vitest';
import { decimalToMinor, formatMinor, minorAmount } from './amounts';
import { maskCard, scrubPan } from './masking';
import { toTransaction } from './transactions';

describe('card masking', () => {
  it('keeps brand and last four only', () => {
    expect(maskCard({ brand: 'visa', last_4: '0000' })).toEqual({ brand: 'visa', last4: '0000' });
    expect(maskCard({ brand: 'master', last_4: '4111111111111111' })).toEqual({ brand: 'master', last4: null });
    expect(maskCard(null)).toBeNull();
  });

  it('scrubs PAN-like numbers from free text but keeps short numbers', () => {
    expect(scrubPan('card 4200 0000 0000 0000 declined')).toBe('card •••• 0000 declined');
    expect(scrubPan('pan=4111-1111-1111-1111')).toBe('pan=•••• 1111');
    expect(scrubPan('Order 20001, amount 1000')).toBe('Order 20001, amount 1000');
  });

  it('maps the documented example transaction without card data', () => {
    const tx = toTransaction({
      id: 28859,
      uid: '20527-b7ea8c95f4',
      amount: 1000,
      currency: 'USD',
      transaction_fee: 0.0,
      pay_to_merchant: 0.0,
      status: 'failed',
      type: 'authorization',
      description: 'Paid with 4200000000000000',
      order_id: 27723,
      credit_card: { brand: 'visa', last_4: '0000' },
    });
    expect(tx).toMatchObject({
      id: 28859,
      amount: { amount: 1000, currency: 'USD' },
      fee: { amount: 0 },
      orderId: '27723',
      card: { brand: 'visa', last4: '0000' },
    });
    expect(tx.description).toBe('Paid with •••• 0000');
  });
});

describe('eComCharge amounts (currency-aware)', () => {
  it('keeps integer minor units and knows JPY has no decimals', () => {
    expect(minorAmount(1000, 'USD')).toEqual({ amount: 1000, currency: 'USD' });
    expect(formatMinor({ amount: 1000, currency: 'USD' })).toBe('10.00');
    expect(formatMinor({ amount: 1000, currency: 'JPY' })).toBe('1000');
    expect(formatMinor({ amount: -5, currency: 'PLN' })).toBe('-0.05');
    expect(() => minorAmount(10.5, 'USD')).toThrow();
  });

  it('rounds fee decimals to the minor unit without float multiplication', () => {
    expect(decimalToMinor(0.25, 'USD').amount).toBe(25);
    expect(decimalToMinor(1.005, 'EUR').amount).toBeGreaterThanOrEqual(100);
    expect(decimalToMinor(12, 'JPY').amount).toBe(12);
    expect(decimalToMinor(12.4, 'JPY').amount).toBe(12);
    expect(decimalToMinor(3.5, 'PLN')).toEqual({ amount: 350, currency: 'PLN' });
    expect(decimalToMinor(1.5, 'KWD').amount).toBe(1500);
  });
});
