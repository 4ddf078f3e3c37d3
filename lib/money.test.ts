import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMoney,
  currencyExponent,
  formatMoney,
  fromAmazonPrice,
  fromDecimalString,
  money,
  MoneyError,
  SUPPORTED_CURRENCIES,
  toAmazonPrice,
  toDecimalString,
} from './money';

const currency = fc.constantFrom(...SUPPORTED_CURRENCIES);
const minorUnits = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });

describe('currency exponents', () => {
  it('knows JPY has no decimals and USD, EUR and GBP have two', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('GBP')).toBe(2);
  });
});

describe('decimal strings', () => {
  it('converts to Amazon decimal strings by currency', () => {
    expect(toDecimalString(money(1450, 'USD'))).toBe('14.50');
    expect(toDecimalString(money(5, 'EUR'))).toBe('0.05');
    expect(toDecimalString(money(1500, 'JPY'))).toBe('1500');
    expect(toDecimalString(money(-199, 'GBP'))).toBe('-1.99');
  });

  it('parses Amazon decimal strings and numbers without floating-point error', () => {
    expect(fromDecimalString('14.5', 'USD')).toEqual(money(1450, 'USD'));
    expect(fromDecimalString('0.29', 'USD').amount).toBe(29);
    expect(fromDecimalString(0.1 + 0.2 - 0.00000000000000004, 'USD').amount).toBe(30);
    expect(fromDecimalString('1500', 'JPY')).toEqual(money(1500, 'JPY'));
    expect(fromDecimalString('1500.00', 'JPY')).toEqual(money(1500, 'JPY'));
  });

  it('refuses more decimals than the currency has, and non-numbers', () => {
    expect(() => fromDecimalString('1.005', 'USD')).toThrow(MoneyError);
    expect(() => fromDecimalString('10.5', 'JPY')).toThrow(MoneyError);
    expect(() => fromDecimalString('12,00', 'EUR')).toThrow(MoneyError);
    expect(() => fromDecimalString('1e3', 'USD')).toThrow(MoneyError);
  });

  it('round-trips minor units through decimal strings for every currency', () => {
    fc.assert(
      fc.property(minorUnits, currency, (amount, code) => {
        const value = money(amount, code);
        expect(fromDecimalString(toDecimalString(value), code)).toEqual(value);
      }),
    );
  });

  it('round-trips through Amazon price objects', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), currency, (amount, code) => {
        const value = money(amount, code);
        const price = toAmazonPrice(value);
        expect(price.currencyCode).toBe(code);
        expect(fromAmazonPrice(price)).toEqual(value);
      }),
    );
  });

  it('round-trips canonical decimal strings back to the same text', () => {
    const usdText = fc
      .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }))
      .map(([whole, cents]) => `${whole}.${cents.toString().padStart(2, '0')}`);
    fc.assert(
      fc.property(usdText, (text) => {
        expect(toDecimalString(fromDecimalString(text, 'USD'))).toBe(text);
      }),
    );
  });
});

describe('arithmetic', () => {
  it('adds within a currency and refuses to mix currencies', () => {
    expect(addMoney(money(100, 'USD'), money(250, 'USD'))).toEqual(money(350, 'USD'));
    expect(() => addMoney(money(100, 'USD'), money(100, 'EUR'))).toThrow(MoneyError);
  });

  it('refuses fractional minor units', () => {
    expect(() => money(10.5, 'USD')).toThrow(MoneyError);
  });
});

describe('formatting', () => {
  it('formats with Intl and the currency exponent', () => {
    expect(formatMoney(money(1450, 'USD'))).toBe('$14.50');
    expect(formatMoney(money(1500, 'JPY'), 'en-US')).toBe('¥1,500');
    expect(formatMoney(money(123456, 'EUR'), 'de-DE')).toBe('1.234,56\u00a0€');
  });
});
