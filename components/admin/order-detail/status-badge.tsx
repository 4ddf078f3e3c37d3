import { AmazonTerm } from '@/components/ui/amazon-term';
import { Badge } from '@/components/ui/badge';

/** Amazon's states as badges in words (the code on hover): green done, amber in flight, red failed, grey closed or neutral. */
const TONES: Record<string, string> = {
  Authorized: 'bg-sky-100 text-sky-900 ring-sky-600/20',
  Captured: 'bg-emerald-100 text-emerald-900 ring-emerald-600/20',
  Refunded: 'bg-emerald-100 text-emerald-900 ring-emerald-600/20',
  Chargeable: 'bg-emerald-100 text-emerald-900 ring-emerald-600/20',
  AuthorizationInitiated: 'bg-amber-100 text-amber-900 ring-amber-600/20',
  CaptureInitiated: 'bg-amber-100 text-amber-900 ring-amber-600/20',
  RefundInitiated: 'bg-amber-100 text-amber-900 ring-amber-600/20',
  Declined: 'bg-red-100 text-red-900 ring-red-600/20',
  NonChargeable: 'bg-red-100 text-red-900 ring-red-600/20',
  HardDeclined: 'bg-red-100 text-red-900 ring-red-600/20',
  SoftDeclined: 'bg-red-100 text-red-900 ring-red-600/20',
  AmazonRejected: 'bg-red-100 text-red-900 ring-red-600/20',
  ProcessingFailure: 'bg-red-100 text-red-900 ring-red-600/20',
  TransactionTimedOut: 'bg-red-100 text-red-900 ring-red-600/20',
  Canceled: 'bg-slate-200 text-slate-800 ring-slate-500/20',
  Closed: 'bg-slate-200 text-slate-800 ring-slate-500/20',
};

export function StatusBadge({ state, testId }: { state: string; testId?: string }) {
  return (
    <Badge tone={TONES[state] ?? 'bg-slate-100 text-slate-800 ring-slate-500/20'} ring testId={testId}>
      <AmazonTerm code={state} />
    </Badge>
  );
}
