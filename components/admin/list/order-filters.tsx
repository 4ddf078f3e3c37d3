import Link from 'next/link';
import { FULFILMENTS, ORDER_STATUSES, PAYMENT_STATES, type OrderListQuery } from '@/lib/orders/admin/list';
import { orderStatusLabel } from '@/lib/orders/status';

const field = 'mt-1 block w-full rounded-lg border border-black/15 bg-white px-3 py-1.5 text-sm text-ink';
const label = 'text-xs font-medium text-ink-muted';

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
      <label className="col-span-2">
        <span className={label}>Search</span>
        <input
          type="search"
          name="q"
          defaultValue={query.q ?? ''}
          placeholder="Order number, buyer email or Amazon id"
          className={field}
        />
      </label>
      <label>
        <span className={label}>Status</span>
        <select name="status" defaultValue={query.status ?? ''} className={field}>
          <option value="">Any status</option>
          {ORDER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {orderStatusLabel(status)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className={label}>Payment state</span>
        <select name="paymentState" defaultValue={query.paymentState ?? ''} className={field}>
          <option value="">Any state</option>
          {PAYMENT_STATES.map((state) => (
            <option key={state} value={state}>
              {state === 'none' ? 'No charge yet' : state}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className={label}>Products</span>
        <select name="fulfilment" defaultValue={query.fulfilment ?? ''} className={field}>
          <option value="">Any kind</option>
          {FULFILMENTS.map((kind) => (
            <option key={kind} value={kind} className="capitalize">
              {kind[0]?.toUpperCase()}
              {kind.slice(1)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className={label}>Placed from</span>
        <input type="date" name="from" defaultValue={query.from ?? ''} className={field} />
      </label>
      <label>
        <span className={label}>Placed to (inclusive, UTC)</span>
        <input type="date" name="to" defaultValue={query.to ?? ''} className={field} />
      </label>
      {/* Sorting is kept across filter changes; paging restarts at the first page. */}
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <div className="flex items-end gap-2">
        <button type="submit" className="btn-primary py-1.5">
          Apply filters
        </button>
        <Link href="/admin/orders" className="btn-secondary py-1.5">
          Clear
        </Link>
      </div>
    </form>
  );
}
