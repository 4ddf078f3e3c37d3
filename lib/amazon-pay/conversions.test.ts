import { describe, expect, it } from 'vitest';
import { moneyToPrice, priceToMoney, requireAmazonTimestamp } from './conversions';

describe('price conversion (delegates to lib/money.ts)', () => {
  it('round-trips minor units', () => {
    expect(priceToMoney({ amount: '14.00', currencyCode: 'USD' })).toEqual({ amount: 1400, currency: 'USD' });
    expect(priceToMoney({ amount: '1500', currencyCode: 'JPY' })).toEqual({ amount: 1500, currency: 'JPY' });
    expect(moneyToPrice({ amount: 1450, currency: 'EUR' })).toEqual({ amount: '14.50', currencyCode: 'EUR' });
  });

  it('refuses to round', () => {
    expect(() => priceToMoney({ amount: '1.005', currencyCode: 'USD' })).toThrow();
  });
});

describe('requireAmazonTimestamp', () => {
  it('parses or throws', () => {
    expect(requireAmazonTimestamp('20201023T211909Z').toISOString()).toBe('2020-10-23T21:19:09.000Z');
    expect(() => requireAmazonTimestamp('yesterday')).toThrow(/not an Amazon timestamp/);
  });
});
