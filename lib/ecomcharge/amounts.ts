import { currencyExponent, fromDecimalString, isCurrencyCode, MoneyError, money, toDecimalString } from '@/lib/money';

/**
 * eComCharge amounts. `amount` is already an integer in minor units (1000 = 10.00 USD in
 * the example of https://doc.ecomcharge.com/en/payment_management/reports/reports_shop/), while `transaction_fee` and
 * `pay_to_merchant` are decimals in major units. eComCharge also processes
 * currencies Amazon Pay does not (PLN, BYN…), so the currency stays a string here;
 * lib/money does the work whenever it knows the currency.
 */
export interface EcomchargeMoney {
  /** Integer minor units: cents for USD, yen for JPY. */
  readonly amount: number;
  readonly currency: string;
}

export function exponentFor(currency: string): number {
  if (isCurrencyCode(currency)) return currencyExponent(currency);
  // Intl carries the ISO 4217 exponents for the currencies lib/money does not list.
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** The `amount` field: whole minor units already, so only checked. */
export function minorAmount(amount: number, currency: string): EcomchargeMoney {
  if (isCurrencyCode(currency)) return money(amount, currency);
  if (!Number.isSafeInteger(amount)) throw new MoneyError(`Money amounts are whole minor units; got ${amount}`);
  return { amount, currency };
}

/**
 * Fee-like decimals (`transaction_fee: 0.25`). They can carry sub-minor precision
 * from a percentage rate, so they are rounded half-up to the currency's minor unit
 * by `toFixed` on the decimal, never by multiplying a float.
 */
export function decimalToMinor(value: number, currency: string): EcomchargeMoney {
  const fixed = value.toFixed(exponentFor(currency));
  if (isCurrencyCode(currency)) return fromDecimalString(fixed, currency);
  const minor = Number(fixed.replace('.', ''));
  if (!Number.isSafeInteger(minor)) throw new MoneyError(`"${fixed}" is too large`);
  return { amount: minor === 0 ? 0 : minor, currency };
}

/** 1050 USD → "10.50", 1500 JPY → "1500". */
export function formatMinor(value: EcomchargeMoney): string {
  if (isCurrencyCode(value.currency)) return toDecimalString({ amount: value.amount, currency: value.currency });
  const exponent = exponentFor(value.currency);
  const digits = Math.abs(value.amount)
    .toString()
    .padStart(exponent + 1, '0');
  const sign = value.amount < 0 ? '-' : '';
  return exponent === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
