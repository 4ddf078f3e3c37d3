import { fromDecimalString, isCurrencyCode, MoneyError, type CurrencyCode } from '@/lib/money';
import { openCsvRecords, type ByteSource } from './csv-records';
import type { Delimiter } from './delimiter';
import { preambleMetadata } from './preamble';
import { isSettlementHeader, mapColumns, type ColumnMap, type SettlementField } from './settlement-columns';

/**
 * A version-tolerant settlement parser (https://developer.amazon.com/docs/amazon-pay-reports/settlement-reports.html,
 * sandbox/README.md "Reports", docs/amazon-pay-decisions.md).
 * The header row is found by its column names, known columns are mapped by name
 * with aliases, unknown ones are kept as `extra`, and a row that cannot be read
 * becomes an issue instead of failing the whole file. Amounts are minor units.
 */
export type SettlementTransactionType =
  | 'Capture'
  | 'Refund'
  | 'Authorization'
  | 'Chargeback'
  | 'Adjustment'
  | 'Debt'
  | 'Dispute'
  | 'A-to-z Guarantee Claim'
  | (string & {});

export interface SettlementRow {
  /** 1-based line in the file, for messages an admin can find. */
  readonly line: number;
  readonly amazonTransactionId: string;
  readonly transactionType: SettlementTransactionType;
  readonly sellerReferenceId: string | null;
  readonly sellerOrderId: string | null;
  readonly chargePermissionId: string | null;
  readonly settlementId: string | null;
  readonly postedDate: string | null;
  readonly currency: CurrencyCode;
  /** Signed minor units as the file has them: refunds negative, fees negative. */
  readonly amount: number;
  readonly fees: number;
  readonly percentageFee: number | null;
  readonly fixedFee: number | null;
  readonly net: number;
  readonly description: string | null;
  readonly extra: Readonly<Record<string, string>>;
}

export interface SettlementIssue {
  readonly line: number;
  readonly message: string;
}

export interface SettlementReport {
  /** Preamble key/values: SellerId, SettlementStartDate, SettlementEndDate, SettlementFileFormatVersion… */
  readonly metadata: Readonly<Record<string, string>>;
  readonly columns: readonly string[];
  readonly unknownColumns: readonly string[];
  readonly rows: readonly SettlementRow[];
  readonly issues: readonly SettlementIssue[];
}

export interface SettlementParseOptions {
  /** Used when the file has no currency column (Amazon does not document a CurrencyCode column). */
  defaultCurrency?: CurrencyCode;
  delimiter?: Delimiter;
}

export class SettlementFormatError extends Error {
  override readonly name = 'SettlementFormatError';
}

/** A preamble is a handful of lines; a file with no header by then is not a settlement file. */
const MAX_PREAMBLE_RECORDS = 50;

export interface SettlementParser {
  /** `line` defaults to a running record count (for records that did not come from a file). */
  push(record: readonly string[], line?: number): void;
  finish(): SettlementReport;
}

export function createSettlementParser(options: SettlementParseOptions = {}): SettlementParser {
  const preamble: string[][] = [];
  let metadata: Record<string, string> = {};
  const rows: SettlementRow[] = [];
  const issues: SettlementIssue[] = [];
  let columns: string[] | null = null;
  let map: ColumnMap | null = null;
  let count = 0;

  return {
    push(record, line) {
      count++;
      const at = line ?? count;
      if (map === null) {
        if (isSettlementHeader(record)) {
          columns = record.map((cell) => cell.trim());
          map = mapColumns(columns);
          metadata = preambleMetadata(preamble);
          if (map.index.currency === undefined && options.defaultCurrency === undefined) {
            throw new SettlementFormatError('The settlement file has no currency column (CurrencyCode); pass defaultCurrency.');
          }
          return;
        }
        preamble.push([...record]);
        if (count >= MAX_PREAMBLE_RECORDS)
          throw new SettlementFormatError('No header row naming AmazonTransactionId and TransactionAmount was found.');
        return;
      }
      if (record.every((cell) => cell.trim() === '')) return;
      const result = readRow(record, at, map, options);
      if ('message' in result) issues.push(result);
      else {
        rows.push(result.row);
        if (result.warning) issues.push({ line: at, message: result.warning });
      }
    },
    finish() {
      if (columns === null || map === null)
        throw new SettlementFormatError('No header row naming AmazonTransactionId and TransactionAmount was found.');
      return { metadata, columns, unknownColumns: map.unknown.map((column) => column.name), rows, issues };
    },
  };
}

function cellOf(record: readonly string[], map: ColumnMap, field: SettlementField): string | null {
  const index = map.index[field];
  if (index === undefined) return null;
  const value = record[index]?.trim() ?? '';
  return value === '' ? null : value;
}

/** "1,234.56" and "(1.50)" appear in spreadsheet-edited files; both are read, nothing is rounded. */
function parseAmount(text: string, currency: CurrencyCode): number {
  let value = text.replace(/\s/g, '');
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(value);
  if (parenthesised?.[1] !== undefined) {
    value = parenthesised[1];
    negative = true;
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(value)) value = value.replace(/,/g, '');
  if (value.startsWith('+')) value = value.slice(1);
  const amount = fromDecimalString(value, currency).amount;
  return negative ? -amount : amount;
}

type RowResult = { row: SettlementRow; warning?: string } | SettlementIssue;

function readRow(record: readonly string[], line: number, map: ColumnMap, options: SettlementParseOptions): RowResult {
  const id = cellOf(record, map, 'amazonTransactionId');
  if (id === null) return { line, message: 'The row has no AmazonTransactionId.' };
  const currencyText = cellOf(record, map, 'currency')?.toUpperCase() ?? options.defaultCurrency ?? '';
  if (!isCurrencyCode(currencyText)) return { line, message: `${id}: unsupported currency "${currencyText}".` };
  const currency = currencyText;
  const amountText = cellOf(record, map, 'amount');
  if (amountText === null) return { line, message: `${id}: the row has no TransactionAmount.` };

  try {
    const read = (field: SettlementField) => {
      const text = cellOf(record, map, field);
      return text === null ? null : parseAmount(text, currency);
    };
    const amount = parseAmount(amountText, currency);
    const percentageFee = read('percentageFee');
    const fixedFee = read('fixedFee');
    const totalFee = read('totalFee');
    const fees = totalFee ?? (percentageFee ?? 0) + (fixedFee ?? 0);
    const netCell = read('netAmount');
    const net = netCell ?? amount + fees;
    const extra: Record<string, string> = {};
    for (const column of map.unknown) {
      const value = record[column.index]?.trim();
      if (value) extra[column.name] = value;
    }
    const row: SettlementRow = {
      line,
      amazonTransactionId: id,
      transactionType: cellOf(record, map, 'transactionType') ?? '',
      sellerReferenceId: cellOf(record, map, 'sellerReferenceId'),
      sellerOrderId: cellOf(record, map, 'sellerOrderId'),
      chargePermissionId: cellOf(record, map, 'chargePermissionId'),
      settlementId: cellOf(record, map, 'settlementId'),
      postedDate: cellOf(record, map, 'postedDate'),
      currency,
      amount,
      fees,
      percentageFee,
      fixedFee,
      net,
      description: cellOf(record, map, 'description'),
      extra,
    };
    // Amazon's own arithmetic is checked, not trusted: a mismatch is worth a look but the row stays.
    const warning =
      netCell !== null && netCell !== amount + fees
        ? `${id}: net ${netCell} ≠ amount ${amount} + fees ${fees} (minor units).`
        : undefined;
    return warning ? { row, warning } : { row };
  } catch (error) {
    if (error instanceof MoneyError) return { line, message: `${id}: ${error.message}.` };
    throw error;
  }
}

export function parseSettlementRecords(
  records: Iterable<readonly string[]>,
  options: SettlementParseOptions = {},
): SettlementReport {
  const parser = createSettlementParser(options);
  for (const record of records) parser.push(record);
  return parser.finish();
}

/** Streams the document (a report download) through csv-parse; the whole file is read, row by row. */
export async function parseSettlementDocument(
  source: ByteSource,
  options: SettlementParseOptions = {},
): Promise<SettlementReport> {
  const { records } = await openCsvRecords(source, options.delimiter ? { delimiter: options.delimiter } : {});
  const parser = createSettlementParser(options);
  for await (const record of records) parser.push(record.cells, record.line);
  return parser.finish();
}

/** For a file already in memory (an upload). */
export function parseSettlementText(text: string, options: SettlementParseOptions = {}): Promise<SettlementReport> {
  async function* single() {
    yield new TextEncoder().encode(text);
  }
  return parseSettlementDocument(single(), options);
}
