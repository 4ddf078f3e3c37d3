import { formatMoney, type Money } from '@/lib/money';
import { dueDateInWords } from '@/lib/orders/payments/renewal';

export function amountOrDash(value: Money | null): string {
  return value ? formatMoney(value) : '—';
}

export function dateOrDash(value: Date | null): string {
  return value ? dueDateInWords(value) : '—';
}
