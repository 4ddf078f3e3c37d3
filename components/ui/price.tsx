import { formatMoney, type Money } from '@/lib/money';

const LOCALE_BY_CURRENCY: Record<string, string> = { USD: 'en-US', EUR: 'de-DE', GBP: 'en-GB', JPY: 'ja-JP' };

export function formatPrice(value: Money): string {
  return formatMoney(value, LOCALE_BY_CURRENCY[value.currency] ?? 'en-US');
}

export function Price({ value, className }: { value: Money; className?: string }) {
  return <span className={className}>{formatPrice(value)}</span>;
}
