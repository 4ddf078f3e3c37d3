import type { ReactNode } from 'react';
import { formatMoney, type CurrencyCode } from '@/lib/money';
import type { BookEntry, ReconciledPair, ReconciliationResult, UnbookedRow } from '@/lib/reports/reconcile';
import { DataTable, Td } from '@/components/ui/table';
import { CARD } from './ui';

/** A settlement can hold thousands of rows; the page shows the first ones of each kind and the CSV export has them all. */
const SHOWN_ROWS = 100;

const money = (amount: number | null, currency: CurrencyCode) => (amount === null ? '—' : formatMoney({ amount, currency }));

function Section({ id, title, count, children }: { id: string; title: string; count: number; children: ReactNode }) {
  return (
    <section className={`${CARD} mt-6`} aria-labelledby={id} data-testid={id}>
      <h2 id={id} className="text-lg font-semibold text-ink">
        {title} <span className="text-sm font-normal text-ink-muted">({count})</span>
      </h2>
      {count === 0 ? (
        <p className="mt-2 text-sm text-ink-muted">None.</p>
      ) : (
        <div className="mt-3 overflow-x-auto">{children}</div>
      )}
      {count > SHOWN_ROWS && (
        <p className="mt-2 text-sm text-ink-muted">
          First {SHOWN_ROWS} of {count} shown; the CSV export has every row.
        </p>
      )}
    </section>
  );
}

function PairTable({ pairs, label }: { pairs: readonly ReconciledPair[]; label: string }) {
  return (
    <DataTable
      columns={['Transaction', 'Type', 'Order', 'Report', 'Books', 'Difference', 'Fees', 'Matched by', 'Line']}
      label={label}
    >
      {pairs.slice(0, SHOWN_ROWS).map((pair) => (
        <tr key={`${pair.row.line}-${pair.row.amazonTransactionId}`}>
          <Td className="font-mono text-xs">{pair.row.amazonTransactionId}</Td>
          <Td>{pair.row.transactionType}</Td>
          <Td className="font-mono">{pair.entry.orderNumber}</Td>
          <Td>{money(pair.row.amount, pair.row.currency)}</Td>
          <Td>{money(pair.entry.expectedAmount, pair.entry.currency)}</Td>
          <Td>{money(pair.difference, pair.row.currency)}</Td>
          <Td>{money(pair.row.fees, pair.row.currency)}</Td>
          <Td>{pair.matchedBy}</Td>
          <Td>{pair.row.line}</Td>
        </tr>
      ))}
    </DataTable>
  );
}

function UnbookedTable({ rows }: { rows: readonly UnbookedRow[] }) {
  return (
    <DataTable
      columns={['Transaction', 'Type', 'Amount', 'Related order', 'Reason', 'Line']}
      label="In the report, not in our books"
    >
      {rows.slice(0, SHOWN_ROWS).map((item) => (
        <tr key={`${item.row.line}-${item.row.amazonTransactionId}`}>
          <Td className="font-mono text-xs">{item.row.amazonTransactionId}</Td>
          <Td>{item.row.transactionType}</Td>
          <Td>{money(item.row.amount, item.row.currency)}</Td>
          <Td className="font-mono">{item.relatedOrderNumber ?? '—'}</Td>
          <Td>{item.reason === 'unbooked-type' ? 'type not kept in our books' : 'unknown transaction'}</Td>
          <Td>{item.row.line}</Td>
        </tr>
      ))}
    </DataTable>
  );
}

function MissingTable({ entries }: { entries: readonly BookEntry[] }) {
  return (
    <DataTable columns={['Order', 'Kind', 'Transaction', 'Expected']} label="In our books, not in the report">
      {entries.slice(0, SHOWN_ROWS).map((entry) => (
        <tr key={`${entry.kind}-${entry.transactionId ?? entry.orderNumber}`}>
          <Td className="font-mono">{entry.orderNumber}</Td>
          <Td>{entry.kind}</Td>
          <Td className="font-mono text-xs">{entry.transactionId ?? 'no charge id stored'}</Td>
          <Td>{money(entry.expectedAmount, entry.currency)}</Td>
        </tr>
      ))}
    </DataTable>
  );
}

export function ReconciliationTables({ result }: { result: ReconciliationResult }) {
  return (
    <>
      <section className={`${CARD} mt-6`} aria-labelledby="totals-heading">
        <h2 id="totals-heading" className="text-lg font-semibold text-ink">
          Totals and fees
        </h2>
        <DataTable
          columns={['Currency', 'Rows', 'Gross', 'Fees', 'Net']}
          label="Totals by currency"
          className="mt-3"
          divided={false}
        >
          {result.totals.map((total) => (
            <tr key={total.currency}>
              <Td>{total.currency}</Td>
              <Td>{total.rows}</Td>
              <Td>{money(total.gross, total.currency)}</Td>
              <Td>{money(total.fees, total.currency)}</Td>
              <Td>{money(total.net, total.currency)}</Td>
            </tr>
          ))}
        </DataTable>
      </section>
      <Section id="amount-differences" title="Amount differences" count={result.amountDifferences.length}>
        <PairTable pairs={result.amountDifferences} label="Amount differences" />
      </Section>
      <Section id="currency-mismatches" title="Currency mismatches" count={result.currencyMismatches.length}>
        <PairTable pairs={result.currencyMismatches} label="Currency mismatches" />
      </Section>
      <Section id="not-in-books" title="In the report, not in our books" count={result.notInBooks.length}>
        <UnbookedTable rows={result.notInBooks} />
      </Section>
      <Section id="not-in-report" title="In our books, not in the report" count={result.notInReport.length}>
        <MissingTable entries={result.notInReport} />
      </Section>
      <Section id="duplicates" title="Duplicates" count={result.duplicates.length}>
        <ul className="list-disc pl-5 text-sm">
          {result.duplicates.slice(0, SHOWN_ROWS).map((group) => (
            <li key={`${group.source}-${group.key}`}>
              {group.source === 'report'
                ? `Report lines ${group.rows.map((row) => row.line).join(', ')} repeat ${group.key}`
                : `Orders ${group.orderNumbers.join(', ')} claim ${group.key}`}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="matched" title="Matched" count={result.matched.length}>
        <PairTable pairs={result.matched} label="Matched" />
      </Section>
    </>
  );
}
