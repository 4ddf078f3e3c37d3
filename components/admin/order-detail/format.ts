import { formatPrice } from '@/components/ui/price';
import { fromDecimalString, isCurrencyCode, money, toDecimalString } from '@/lib/money';

/** Minor units of the order's currency, formatted for people. */
export function formatMinor(amount: number, currency: string): string {
  return isCurrencyCode(currency) ? formatPrice(money(amount, currency)) : `${amount} ${currency}`;
}

/** Minor units as the decimal an input field holds, e.g. 4995 → "49.95". */
export function decimalOf(amount: number, currency: string): string {
  return isCurrencyCode(currency) ? toDecimalString(money(amount, currency)) : String(amount);
}

/** What an amount field holds, formatted; the raw text when it is not an amount yet. */
export function formatDecimalInput(value: FormDataEntryValue | null, currency: string): string {
  const text = typeof value === 'string' ? value : '';
  if (!isCurrencyCode(currency)) return text;
  try {
    return formatPrice(fromDecimalString(text, currency));
  } catch {
    return text;
  }
}
