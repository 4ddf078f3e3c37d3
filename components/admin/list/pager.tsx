import Link from 'next/link';
import type { OrderListPage, OrderListQuery } from '@/lib/orders/admin/list';
import { listHref } from './list-href';

/** Previous/next over keyset cursors: every page is as fast as the first, at any depth. */
export function Pager({
  query,
  page,
}: {
  query: OrderListQuery;
  page: Pick<OrderListPage, 'nextCursor' | 'prevCursor' | 'totalCount' | 'totalCapped'>;
}) {
  const linkClass = 'btn-secondary py-1.5 whitespace-nowrap';
  const disabled = 'btn border border-black/10 bg-white py-1.5 whitespace-nowrap text-ink-muted/50';
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-4 text-sm text-ink-muted">
      <p>
        {page.totalCount.toLocaleString('en-US')}
        {page.totalCapped ? '+' : ''} {page.totalCount === 1 && !page.totalCapped ? 'order' : 'orders'} · {query.size} per page
      </p>
      <div className="flex gap-2">
        {query.after || query.before ? (
          <Link href={listHref(query, { after: undefined, before: undefined })} className={linkClass}>
            First
          </Link>
        ) : null}
        {page.prevCursor ? (
          <Link href={listHref(query, { before: page.prevCursor, after: undefined })} className={linkClass} rel="prev">
            ← Previous
          </Link>
        ) : (
          <span className={disabled} aria-disabled="true">
            ← Previous
          </span>
        )}
        {page.nextCursor ? (
          <Link href={listHref(query, { after: page.nextCursor, before: undefined })} className={linkClass} rel="next">
            Next →
          </Link>
        ) : (
          <span className={disabled} aria-disabled="true">
            Next →
          </span>
        )}
      </div>
    </nav>
  );
}
