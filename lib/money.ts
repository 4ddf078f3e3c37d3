import { z } from 'zod';

/**
 * Money inside the app is an integer count of the currency's minor units.
 * Amazon Pay speaks decimal strings ("14.00", "1500" for JPY); these helpers are
 * the only place where the two meet.
 */

// ISO 4217 exponents for the currencies Amazon Pay accepts (.NET SDK Amazon.Pay.API.SDK/Types/Currency.cs).
const CURRENCY_EXPONENTS = {
  AUD: 2,
  CHF: 2,
  DKK: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  JPY: 0,
  NOK: 2,
  NZD: 2,
  SEK: 2,
  USD: 2,
  ZAR: 2,
} as const;

export type CurrencyCode = keyof typeof CURRENCY_EXPONENTS;

export const SUPPORTED_CURRENCIES = Object.keys(CURRENCY_EXPONENTS) as CurrencyCode[];

export const currencyCodeSchema = z.enum(SUPPORTED_CURRENCIES as [CurrencyCode, ...CurrencyCode[]]);

export interface Money {
  /** Integer minor units: cents for USD, yen for JPY. */
  readonly amount: number;
  readonly currency: CurrencyCode;
}

export class MoneyError extends Error {
  override readonly name = 'MoneyError';
}

export function isCurrencyCode(value: string): value is CurrencyCode {
  return Object.hasOwn(CURRENCY_EXPONENTS, value);
}

export function currencyExponent(currency: CurrencyCode): number {
  return CURRENCY_EXPONENTS[currency];
}

export function money(amount: number, currency: CurrencyCode): Money {
  assertMinorUnits(amount);
  return { amount, currency };
}

function assertMinorUnits(amount: number): void {
  if (!Number.isSafeInteger(amount)) {
    throw new MoneyError(`Money amounts are whole minor units; got ${amount}`);
  }
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new MoneyError(`Cannot combine ${a.currency} with ${b.currency}`);
  }
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function multiplyMoney(price: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) throw new MoneyError(`Quantity must be a whole number; got ${quantity}`);
  return money(price.amount * quantity, price.currency);
}

export function sumMoney(items: readonly Money[], currency: CurrencyCode): Money {
  return items.reduce((total, item) => addMoney(total, item), money(0, currency));
}

/**
 * Parses Amazon's decimal string into minor units without floating point:
 * "14.5" USD → 1450, "1500" JPY → 1500. More fraction digits than the currency
 * allows is an error rather than a silent rounding.
 */
export function fromDecimalString(value: string | number, currency: CurrencyCode): Money {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new MoneyError(`"${text}" is not a decimal amount`);
  const [, sign, whole = '0', fraction = ''] = match;
  const exponent = currencyExponent(currency);
  const significantFraction = fraction.replace(/0+$/, '');
  if (significantFraction.length > exponent) {
    throw new MoneyError(`"${text}" has more decimals than ${currency} allows (${exponent})`);
  }
  const minor = Number(whole + fraction.padEnd(exponent, '0').slice(0, exponent));
  if (!Number.isSafeInteger(minor)) throw new MoneyError(`"${text}" is too large`);
  return money(sign && minor !== 0 ? -minor : minor, currency);
}

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new MoneyError(`${value} is not a finite amount`);
  // toFixed(10) avoids exponent notation for tiny numbers; trailing zeros are trimmed.
  const fixed = value.toFixed(10);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** Formats minor units as Amazon's decimal string: 1450 USD → "14.50", 1500 JPY → "1500". */
export function toDecimalString(value: Money): string {
  assertMinorUnits(value.amount);
  const exponent = currencyExponent(value.currency);
  const negative = value.amount < 0;
  const digits = Math.abs(value.amount).toString();
  if (exponent === 0) return (negative ? '-' : '') + digits;
  const padded = digits.padStart(exponent + 1, '0');
  const whole = padded.slice(0, -exponent);
  const fraction = padded.slice(-exponent);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** Amazon Pay's price object, as its API expects it. */
export interface AmazonPrice {
  amount: string;
  currencyCode: string;
}

export function toAmazonPrice(value: Money): AmazonPrice {
  return { amount: toDecimalString(value), currencyCode: value.currency };
}

export function fromAmazonPrice(price: { amount: string | number; currencyCode: string }): Money {
  if (!isCurrencyCode(price.currencyCode)) {
    throw new MoneyError(`Unsupported currency ${price.currencyCode}`);
  }
  return fromDecimalString(price.amount, price.currencyCode);
}

const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(value: Money, locale = 'en-US'): string {
  const key = `${locale}|${value.currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const exponent = currencyExponent(value.currency);
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: value.currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(value.amount / 10 ** currencyExponent(value.currency));
}
