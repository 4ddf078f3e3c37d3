import type { Money } from '@/lib/money';
import { cx } from './class-names';
import { formatPrice } from './price';

interface Totals {
  subtotal: Money;
  shipping: Money;
  tax: Money;
  total: Money;
}

/**
 * The price breakdown under an order's lines. Each figure carries the test id
 * `${testIdPrefix}-subtotal` (…-shipping, …-tax, …-total); `ships={false}` reads
 * "Not needed" for shipping, and `ruled` draws a line above the total.
 */
export function OrderTotals({
  totals,
  testIdPrefix,
  ships = true,
  ruled = false,
  className,
}: {
  totals: Totals;
  testIdPrefix: string;
  ships?: boolean;
  ruled?: boolean;
  className?: string;
}) {
  const rows: Array<[label: string, key: keyof Totals, value: string]> = [
    ['Subtotal', 'subtotal', formatPrice(totals.subtotal)],
    ['Shipping', 'shipping', ships ? formatPrice(totals.shipping) : 'Not needed'],
    ['Tax', 'tax', formatPrice(totals.tax)],
  ];
  return (
    <dl className={cx('space-y-1 border-t border-black/5 pt-3 text-sm', className)}>
      {rows.map(([label, key, value]) => (
        <div key={key} className="flex justify-between">
          <dt className="text-ink-muted">{label}</dt>
          <dd data-testid={`${testIdPrefix}-${key}`}>{value}</dd>
        </div>
      ))}
      <div className={cx('flex justify-between text-base font-semibold', ruled && 'border-t border-black/5 pt-2')}>
        <dt>Total</dt>
        <dd data-testid={`${testIdPrefix}-total`}>{formatPrice(totals.total)}</dd>
      </div>
    </dl>
  );
}
