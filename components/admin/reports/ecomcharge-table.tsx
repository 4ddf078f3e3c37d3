import { formatMinor, type EcomchargeTransaction } from '@/lib/reports/ecomcharge-transactions';
import { formatStampMinute } from '@/components/ui/format-time';
import { DataTable, Td } from '@/components/ui/table';

const COLUMNS = ['ID', 'Created', 'Type', 'Status', 'Amount', 'Fee', 'Card', 'Order', 'Message'];

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
      <DataTable columns={COLUMNS} label="eComCharge transactions">
        {transactions.map((tx) => (
          <tr key={tx.id}>
            <Td className="font-mono text-xs">{tx.id}</Td>
            <Td className="whitespace-nowrap">{formatStampMinute(tx.createdAt)}</Td>
            <Td>{tx.type ?? '—'}</Td>
            <Td>{tx.status ?? '—'}</Td>
            <Td align="right" className="whitespace-nowrap">
              {formatMinor(tx.amount)} {tx.amount.currency}
            </Td>
            <Td align="right" className="whitespace-nowrap">
              {tx.fee ? `${formatMinor(tx.fee)} ${tx.fee.currency}` : '—'}
            </Td>
            <Td className="whitespace-nowrap">{tx.card ? `${tx.card.brand ?? 'card'} •••• ${tx.card.last4 ?? '????'}` : '—'}</Td>
            <Td className="font-mono text-xs">{tx.orderId ?? '—'}</Td>
            <Td>{tx.message ?? ''}</Td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
