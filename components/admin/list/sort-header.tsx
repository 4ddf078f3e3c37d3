import Link from 'next/link';
import type { OrderListQuery } from '@/lib/orders/admin/list';
import { listHref } from './list-href';

/** A sortable column header: a link that sorts by it, or flips the direction if it already does. */
export function SortHeader({
  query,
  sort,
  label,
  align = 'left',
}: {
  query: OrderListQuery;
  sort: OrderListQuery['sort'];
  label: string;
  align?: 'left' | 'right';
}) {
  const active = query.sort === sort;
  const nextDir = active && query.dir === 'desc' ? 'asc' : 'desc';
  return (
    <th
      scope="col"
      aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={`px-4 py-2 font-medium ${align === 'right' ? 'text-right' : ''}`}
    >
      <Link
        href={listHref(query, { sort, dir: nextDir, after: undefined, before: undefined })}
        className="inline-flex items-center gap-1 hover:text-ink"
      >
        {label}
        <span aria-hidden="true" className={active ? 'text-ink' : 'text-ink-muted/40'}>
          {active && query.dir === 'asc' ? '▲' : '▼'}
        </span>
      </Link>
    </th>
  );
}
