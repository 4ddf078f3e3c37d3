import { formatMinor, type EcomchargeTransaction } from '@/lib/reports/ecomcharge-transactions';
import { TABLE, TD, TH } from './ui';

/** Amounts in each transaction's own currency (minor units formatted by its exponent); the card as brand + last four only. */
export function EcomchargeTable({ transactions }: { transactions: readonly EcomchargeTransaction[] }) {
  if (transactions.length === 0)
    return (
      <p className="mt-4 rounded-xl border border-dashed border-black/15 bg-white p-6 text-center text-sm text-ink-muted">
        No transactions.
      </p>
    );
  return (
    <div className="mt-4 overflow-x-auto rounded-xl bg-white shadow-sm">
      <table className={TABLE} aria-label="eComCharge transactions">
        <thead className="bg-slate-100">
          <tr>
            {['ID', 'Created', 'Type', 'Status', 'Amount', 'Fee', 'Card', 'Order', 'Message'].map((head) => (
              <th key={head} scope="col" className={TH}>
                {head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-black/5">
          {transactions.map((tx) => (
            <tr key={tx.id}>
              <td className={`${TD} font-mono text-xs`}>{tx.id}</td>
              <td className={`${TD} whitespace-nowrap`}>
                {tx.createdAt ? `${tx.createdAt.slice(0, 16).replace('T', ' ')} UTC` : '—'}
              </td>
              <td className={TD}>{tx.type ?? '—'}</td>
              <td className={TD}>{tx.status ?? '—'}</td>
              <td className={`${TD} whitespace-nowrap text-right`}>
                {formatMinor(tx.amount)} {tx.amount.currency}
              </td>
              <td className={`${TD} whitespace-nowrap text-right`}>
                {tx.fee ? `${formatMinor(tx.fee)} ${tx.fee.currency}` : '—'}
              </td>
              <td className={`${TD} whitespace-nowrap`}>
                {tx.card ? `${tx.card.brand ?? 'card'} •••• ${tx.card.last4 ?? '????'}` : '—'}
              </td>
              <td className={`${TD} font-mono text-xs`}>{tx.orderId ?? '—'}</td>
              <td className={TD}>{tx.message ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
