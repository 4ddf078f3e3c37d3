import Link from 'next/link';
import type { Column } from '@/components/ui/table';
import type { OrderListQuery } from '@/lib/orders/admin/list';
import { listHref } from './list-href';

/** A sortable column: its header links to the list sorted by it, or flips the direction if it already is. */
export function sortColumn(
  query: OrderListQuery,
  sort: OrderListQuery['sort'],
  label: string,
  align: 'left' | 'right' = 'left',
): Column {
  const active = query.sort === sort;
  const nextDir = active && query.dir === 'desc' ? 'asc' : 'desc';
  return {
    key: sort,
    align,
    sort: active ? (query.dir === 'asc' ? 'ascending' : 'descending') : 'none',
    label: (
      <Link
        href={listHref(query, { sort, dir: nextDir, after: undefined, before: undefined })}
        className="inline-flex items-center gap-1 hover:text-ink"
      >
        {label}
        <span aria-hidden="true" className={active ? 'text-ink' : 'text-ink-muted/40'}>
          {active && query.dir === 'asc' ? '▲' : '▼'}
        </span>
      </Link>
    ),
  };
}
