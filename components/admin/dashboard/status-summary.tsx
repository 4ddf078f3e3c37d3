import Link from 'next/link';
import { StatusBadge } from '@/components/admin/list/status-badge';

/** Counts per status; each links to the order list filtered to it. */
export function StatusSummary({ counts }: { counts: Array<{ status: string; count: number }> }) {
  const total = counts.reduce((sum, row) => sum + row.count, 0);
  return (
    <section aria-labelledby="status-heading" className="card p-5">
      <h2 id="status-heading" className="font-semibold text-ink">
        Orders by status
      </h2>
      {counts.length === 0 ? (
        <p className="mt-3 text-sm text-ink-muted">No orders yet.</p>
      ) : (
        <ul className="mt-3 divide-y divide-black/5 text-sm">
          {counts.map((row) => (
            <li key={row.status}>
              <Link
                href={`/admin/orders?status=${encodeURIComponent(row.status)}`}
                className="flex items-center justify-between py-2 hover:bg-slate-50"
              >
                <StatusBadge status={row.status} />
                <span className="font-medium tabular-nums text-ink">{row.count.toLocaleString('en-US')}</span>
              </Link>
            </li>
          ))}
          <li className="flex items-center justify-between py-2 text-ink-muted">
            <span>All orders</span>
            <span className="font-medium tabular-nums">{total.toLocaleString('en-US')}</span>
          </li>
        </ul>
      )}
    </section>
  );
}
