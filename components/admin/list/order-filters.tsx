import Link from 'next/link';
import type { ReactNode } from 'react';
import { FULFILMENTS, ORDER_STATUSES, PAYMENT_STATES, type OrderListQuery } from '@/lib/orders/admin/list';
import { FULFILMENT_STATUSES, fulfilmentStatusLabel } from '@/lib/orders/fulfilment-status';
import { orderStatusLabel } from '@/lib/orders/status';

const field = 'mt-1 block w-full rounded-lg border border-black/15 bg-white px-3 py-1.5 text-sm text-ink';

function Filter({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <label className={className}>
      <span className="text-xs font-medium text-ink-muted">{label}</span>
      {children}
    </label>
  );
}

/** A filter that picks one of `options` (value and label), or any of them with the empty value. */
function SelectFilter({
  label,
  name,
  value,
  anyLabel,
  options,
}: {
  label: string;
  name: string;
  value: string | undefined;
  anyLabel: string;
  options: ReadonlyArray<readonly [value: string, label: string]>;
}) {
  return (
    <Filter label={label}>
      <select name={name} defaultValue={value ?? ''} className={field}>
        <option value="">{anyLabel}</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </Filter>
  );
}

/** A plain GET form: the filters live in the URL, so any view can be bookmarked or shared. */
export function OrderFilters({ query }: { query: OrderListQuery }) {
  return (
    <form
      method="get"
      action="/admin/orders"
      role="search"
      aria-label="Filter orders"
      className="card grid grid-cols-2 gap-3 p-4 md:grid-cols-4"
    >
      <Filter label="Search" className="col-span-2">
        <input
          type="search"
          name="q"
          defaultValue={query.q ?? ''}
          placeholder="Name, email, product, order number or Amazon id"
          className={field}
        />
      </Filter>
      <SelectFilter
        label="Status"
        name="status"
        value={query.status}
        anyLabel="Any status"
        options={ORDER_STATUSES.map((status) => [status, orderStatusLabel(status)] as const)}
      />
      <SelectFilter
        label="Payment state"
        name="paymentState"
        value={query.paymentState}
        anyLabel="Any state"
        options={PAYMENT_STATES.map((state) => [state, state === 'none' ? 'No charge yet' : state] as const)}
      />
      <SelectFilter
        label="Products"
        name="fulfilment"
        value={query.fulfilment}
        anyLabel="Any kind"
        options={FULFILMENTS.map((kind) => [kind, `${kind[0]?.toUpperCase() ?? ''}${kind.slice(1)}`] as const)}
      />
      <SelectFilter
        label="Fulfilment"
        name="fulfilmentStatus"
        value={query.fulfilmentStatus}
        anyLabel="Any fulfilment"
        options={FULFILMENT_STATUSES.map((status) => [status, fulfilmentStatusLabel(status)] as const)}
      />
      <Filter label="Placed from">
        <input type="date" name="from" defaultValue={query.from ?? ''} className={field} />
      </Filter>
      <Filter label="Placed to (inclusive, UTC)">
        <input type="date" name="to" defaultValue={query.to ?? ''} className={field} />
      </Filter>
      {/* The view and sorting are kept across filter changes; paging restarts at the first page. */}
      <input type="hidden" name="view" value={query.view} />
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <div className="col-span-2 flex items-end gap-2 md:col-span-1">
        <button type="submit" className="btn-primary py-1.5">
          Apply filters
        </button>
        <Link
          href={query.view === 'orders' ? '/admin/orders' : `/admin/orders?view=${query.view}`}
          className="btn-secondary py-1.5"
        >
          Clear
        </Link>
      </div>
    </form>
  );
}
