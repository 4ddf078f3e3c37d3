import { Badge } from '@/components/ui/badge';

const TONES: Readonly<Record<string, string>> = {
  COMPLETED: 'bg-emerald-100 text-emerald-800',
  IN_PROGRESS: 'bg-amber-100 text-amber-800',
  FAILED: 'bg-red-100 text-red-800',
  CANCELLED: 'bg-slate-200 text-slate-700',
};

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <Badge tone={TONES[status] ?? 'bg-slate-100 text-slate-700'}>{label}</Badge>;
}
