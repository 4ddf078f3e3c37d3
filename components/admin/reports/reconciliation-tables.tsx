import type { ReactNode } from 'react';
import { formatMoney, type CurrencyCode } from '@/lib/money';
import type { BookEntry, ReconciledPair, ReconciliationResult, UnbookedRow } from '@/lib/reports/reconcile';
import { CARD, TABLE, TD, TH } from './ui';

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
    <table className={TABLE} aria-label={label}>
      <thead className="bg-slate-100">
        <tr>
          {['Transaction', 'Type', 'Order', 'Report', 'Books', 'Difference', 'Fees', 'Matched by', 'Line'].map((head) => (
            <th key={head} scope="col" className={TH}>
              {head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-black/5">
        {pairs.slice(0, SHOWN_ROWS).map((pair) => (
          <tr key={`${pair.row.line}-${pair.row.amazonTransactionId}`}>
            <td className={`${TD} font-mono text-xs`}>{pair.row.amazonTransactionId}</td>
            <td className={TD}>{pair.row.transactionType}</td>
            <td className={`${TD} font-mono`}>{pair.entry.orderNumber}</td>
            <td className={TD}>{money(pair.row.amount, pair.row.currency)}</td>
            <td className={TD}>{money(pair.entry.expectedAmount, pair.entry.currency)}</td>
            <td className={TD}>{money(pair.difference, pair.row.currency)}</td>
            <td className={TD}>{money(pair.row.fees, pair.row.currency)}</td>
            <td className={TD}>{pair.matchedBy}</td>
            <td className={TD}>{pair.row.line}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function UnbookedTable({ rows }: { rows: readonly UnbookedRow[] }) {
  return (
    <table className={TABLE} aria-label="In the report, not in our books">
      <thead className="bg-slate-100">
        <tr>
          {['Transaction', 'Type', 'Amount', 'Related order', 'Reason', 'Line'].map((head) => (
            <th key={head} scope="col" className={TH}>
              {head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-black/5">
        {rows.slice(0, SHOWN_ROWS).map((item) => (
          <tr key={`${item.row.line}-${item.row.amazonTransactionId}`}>
            <td className={`${TD} font-mono text-xs`}>{item.row.amazonTransactionId}</td>
            <td className={TD}>{item.row.transactionType}</td>
            <td className={TD}>{money(item.row.amount, item.row.currency)}</td>
            <td className={`${TD} font-mono`}>{item.relatedOrderNumber ?? '—'}</td>
            <td className={TD}>{item.reason === 'unbooked-type' ? 'type not kept in our books' : 'unknown transaction'}</td>
            <td className={TD}>{item.row.line}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MissingTable({ entries }: { entries: readonly BookEntry[] }) {
  return (
    <table className={TABLE} aria-label="In our books, not in the report">
      <thead className="bg-slate-100">
        <tr>
          {['Order', 'Kind', 'Transaction', 'Expected'].map((head) => (
            <th key={head} scope="col" className={TH}>
              {head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-black/5">
        {entries.slice(0, SHOWN_ROWS).map((entry) => (
          <tr key={`${entry.kind}-${entry.transactionId ?? entry.orderNumber}`}>
            <td className={`${TD} font-mono`}>{entry.orderNumber}</td>
            <td className={TD}>{entry.kind}</td>
            <td className={`${TD} font-mono text-xs`}>{entry.transactionId ?? 'no charge id stored'}</td>
            <td className={TD}>{money(entry.expectedAmount, entry.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReconciliationTables({ result }: { result: ReconciliationResult }) {
  return (
    <>
      <section className={`${CARD} mt-6`} aria-labelledby="totals-heading">
        <h2 id="totals-heading" className="text-lg font-semibold text-ink">
          Totals and fees
        </h2>
        <table className={`${TABLE} mt-3`} aria-label="Totals by currency">
          <thead className="bg-slate-100">
            <tr>
              {['Currency', 'Rows', 'Gross', 'Fees', 'Net'].map((head) => (
                <th key={head} scope="col" className={TH}>
                  {head}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.totals.map((total) => (
              <tr key={total.currency}>
                <td className={TD}>{total.currency}</td>
                <td className={TD}>{total.rows}</td>
                <td className={TD}>{money(total.gross, total.currency)}</td>
                <td className={TD}>{money(total.fees, total.currency)}</td>
                <td className={TD}>{money(total.net, total.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
