import { Badge } from '@/components/ui/badge';
import { fulfilmentStatusLabel } from '@/lib/orders/fulfilment-status';
import { orderStatusLabel } from '@/lib/orders/status';

const SETTLED = 'bg-slate-100 text-slate-700 ring-slate-500/20';

// Colour follows what the merchant must do: amber waits, blue needs a capture, red failed.
const TONE: Record<string, string> = {
  pending: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  payment_processing: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  authorized: 'bg-sky-50 text-sky-800 ring-sky-600/20',
  paid: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
  partially_refunded: 'bg-violet-50 text-violet-800 ring-violet-600/20',
  refunded: SETTLED,
  canceled: SETTLED,
  declined: 'bg-rose-50 text-rose-800 ring-rose-600/20',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={TONE[status] ?? SETTLED} ring className="whitespace-nowrap">
      {orderStatusLabel(status)}
    </Badge>
  );
}

const FULFILMENT_TONE: Record<string, string> = {
  unfulfilled: 'text-ink-muted',
  shipped: 'text-sky-800',
  delivered: 'text-emerald-800',
};

/** Where a physical order's goods are, as a short line under the order's products. */
export function FulfilmentLabel({ status }: { status: string }) {
  return (
    <span
      className={`text-xs font-medium normal-case ${FULFILMENT_TONE[status] ?? 'text-ink-muted'}`}
      data-testid="list-fulfilment"
    >
      {fulfilmentStatusLabel(status)}
    </span>
  );
}
