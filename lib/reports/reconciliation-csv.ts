import { toDecimalString, type CurrencyCode } from '@/lib/money';
import { csvLine, numericCell, type CsvNumber } from './csv-writer';
import type { BookEntry, ReconciledPair, ReconciliationResult } from './reconcile';
import type { SettlementRow } from './settlement';

/**
 * The reconciliation as one CSV for finance: problems first, then the clean
 * matches, then one `total` line per currency. Amounts are decimals in the
 * row's currency (lib/money), so JPY has none.
 */
export const RECONCILIATION_CSV_COLUMNS = [
  'status',
  'amazon_transaction_id',
  'transaction_type',
  'order_number',
  'seller_reference_id',
  'seller_order_id',
  'currency',
  'report_amount',
  'books_amount',
  'difference',
  'fees',
  'net',
  'matched_by',
  'line',
  'note',
] as const;

const amount = (value: number | null, currency: CurrencyCode): CsvNumber | null =>
  value === null ? null : numericCell(toDecimalString({ amount: value, currency }));

type Cells = Parameters<typeof csvLine>[0];

function rowCells(
  status: string,
  row: SettlementRow,
  extra: {
    order?: string | null;
    books?: number | null;
    booksCurrency?: CurrencyCode;
    difference?: number | null;
    matchedBy?: string;
    note?: string;
  },
): Cells {
  return [
    status,
    row.amazonTransactionId,
    row.transactionType,
    extra.order ?? null,
    row.sellerReferenceId,
    row.sellerOrderId,
    row.currency,
    amount(row.amount, row.currency),
    amount(extra.books ?? null, extra.booksCurrency ?? row.currency),
    amount(extra.difference ?? null, row.currency),
    amount(row.fees, row.currency),
    amount(row.net, row.currency),
    extra.matchedBy ?? null,
    row.line,
    extra.note ?? null,
  ];
}

function pairCells(pair: ReconciledPair): Cells {
  const note =
    pair.status === 'currency-mismatch'
      ? `books are in ${pair.entry.currency}`
      : pair.entry.expectedAmount === null
        ? 'no amount in our books'
        : undefined;
  return rowCells(pair.status, pair.row, {
    order: pair.entry.orderNumber,
    books: pair.entry.expectedAmount,
    booksCurrency: pair.entry.currency,
    difference: pair.difference,
    matchedBy: pair.matchedBy,
    ...(note !== undefined && { note }),
  });
}

function missingCells(entry: BookEntry): Cells {
  return [
    'not-in-report',
    entry.transactionId,
    entry.kind === 'capture' ? 'Capture' : 'Refund',
    entry.orderNumber,
    null,
    null,
    entry.currency,
    null,
    amount(entry.expectedAmount, entry.currency),
    null,
    null,
    null,
    null,
    null,
    entry.transactionId === null ? 'no charge id in our books' : null,
  ];
}

export function reconciliationToCsv(result: ReconciliationResult): string {
  const lines = [csvLine(RECONCILIATION_CSV_COLUMNS)];
  for (const pair of result.amountDifferences) lines.push(csvLine(pairCells(pair)));
  for (const pair of result.currencyMismatches) lines.push(csvLine(pairCells(pair)));
  for (const item of result.notInBooks) {
    lines.push(
      csvLine(
        rowCells('not-in-books', item.row, {
          order: item.relatedOrderNumber,
          note: item.reason === 'unbooked-type' ? 'type not kept in our books' : 'unknown transaction',
        }),
      ),
    );
  }
  for (const entry of result.notInReport) lines.push(csvLine(missingCells(entry)));
  for (const group of result.duplicates) {
    if (group.source === 'books') {
      lines.push(
        csvLine([
          'duplicate',
          group.key.replace(/^[a-z]+:/, ''),
          null,
          group.orderNumbers.join(' '),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          'id claimed by several orders in our books',
        ]),
      );
    } else {
      for (const row of group.rows.slice(1))
        lines.push(csvLine(rowCells('duplicate', row, { note: `repeats line ${group.rows[0]?.line ?? '?'}` })));
    }
  }
  for (const pair of result.matched) lines.push(csvLine(pairCells(pair)));
  for (const total of result.totals) {
    lines.push(
      csvLine([
        'total',
        null,
        null,
        null,
        null,
        null,
        total.currency,
        amount(total.gross, total.currency),
        null,
        null,
        amount(total.fees, total.currency),
        amount(total.net, total.currency),
        null,
        null,
        `${total.rows} rows`,
      ]),
    );
  }
  return lines.join('');
}
