import { orderStatusLabel } from '@/lib/orders/status';

// Colour follows what the merchant must do: amber waits, blue needs a capture, red failed.
const TONE: Record<string, string> = {
  pending: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  payment_processing: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  authorized: 'bg-sky-50 text-sky-800 ring-sky-600/20',
  paid: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
  partially_refunded: 'bg-violet-50 text-violet-800 ring-violet-600/20',
  refunded: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  canceled: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  declined: 'bg-rose-50 text-rose-800 ring-rose-600/20',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap ${TONE[status] ?? TONE.canceled}`}
    >
      {orderStatusLabel(status)}
    </span>
  );
}

/** One fixed format on server and client alike, so hydration never disagrees about a time zone. */
export function formatOrderTime(value: Date | string): string {
  return `${new Date(value).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
