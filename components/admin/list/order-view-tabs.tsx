import Link from 'next/link';
import type { OrderListQuery, OrderView } from '@/lib/orders/admin/list';
import { cx } from '@/components/ui/class-names';
import { listHref } from './list-href';

const VIEWS: ReadonlyArray<{ view: OrderView; label: string; description: string }> = [
  {
    view: 'orders',
    label: 'Orders',
    description: 'Sales: Amazon authorized or captured a payment, including orders canceled or refunded since.',
  },
  {
    view: 'attempts',
    label: 'Checkout attempts',
    description:
      'Not sales: payments Amazon declined or canceled before any money was held, payments still being confirmed, and checkouts the shopper never finished. Amazon’s reason is shown for each.',
  },
  { view: 'all', label: 'All', description: 'Orders and checkout attempts together.' },
];

/** Which rows the list holds; the choice lives in the URL with the filters, and restarts paging. */
export function OrderViewTabs({ query }: { query: OrderListQuery }) {
  const current = VIEWS.find((entry) => entry.view === query.view) ?? VIEWS[0]!;
  return (
    <div className="flex flex-col gap-2">
      <nav aria-label="Orders or checkout attempts" className="flex gap-1 border-b border-black/10">
        {VIEWS.map(({ view, label }) => (
          <Link
            key={view}
            href={listHref(query, { view, after: undefined, before: undefined })}
            aria-current={view === query.view ? 'page' : undefined}
            data-testid={`order-view-${view}`}
            className={cx(
              '-mb-px rounded-t-lg border px-4 py-2 text-sm font-medium',
              view === query.view
                ? 'border-black/10 border-b-white bg-white text-ink'
                : 'border-transparent text-ink-muted hover:text-ink',
            )}
          >
            {label}
          </Link>
        ))}
      </nav>
      <p className="text-sm text-ink-muted" data-testid="order-view-description">
        {current.description}
      </p>
    </div>
  );
}
