import { openCsvRecords, type ByteSource } from './csv-records';
import type { Delimiter } from './delimiter';
import { preambleMetadata, recordWidth } from './preamble';
import { isSettlementHeader } from './settlement-columns';

/**
 * The first rows of a report document, for the admin's preview. Settlement files
 * start with a preamble (SellerId, SettlementStartDate…,
 * https://developer.amazon.com/docs/amazon-pay-reports/settlement-reports.html; the sandbox
 * adds a format-version line) before the table. The header is the row naming
 * AmazonTransactionId and TransactionAmount, or else the first row wider than two
 * cells; what comes before it is returned as metadata.
 */
export interface DocumentPreview {
  readonly delimiter: Delimiter;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Preamble key/value lines, e.g. { SellerId: 'M1', SettlementStartDate: '…' }. */
  readonly metadata: Readonly<Record<string, string>>;
  /** True when the document has more rows than were read. */
  readonly truncated: boolean;
}

export interface PreviewOptions {
  /** Data rows to return; default 20, at most 1000. */
  maxRows?: number;
  /** Skip detection when the caller knows it. */
  delimiter?: Delimiter;
}

export const DEFAULT_PREVIEW_ROWS = 20;
const MAX_PREVIEW_ROWS = 1000;
/** Records held back while looking for the header: a preamble is a handful of lines. */
const HEADER_LOOKAHEAD = 20;

/** Without a settlement header by name, the first row wider than two cells (key/value lines are two wide). */
function fallbackHeaderIndex(pending: readonly (readonly string[])[]): number {
  const index = pending.findIndex((record) => recordWidth(record) > 2);
  return index === -1 ? 0 : index;
}

export async function previewDocument(source: ByteSource, options: PreviewOptions = {}): Promise<DocumentPreview> {
  const maxRows = Math.min(Math.max(1, Math.floor(options.maxRows ?? DEFAULT_PREVIEW_ROWS)), MAX_PREVIEW_ROWS);
  const { delimiter, records } = await openCsvRecords(source, options.delimiter ? { delimiter: options.delimiter } : {});
  const pending: string[][] = [];
  let metadata: Record<string, string> = {};
  let columns: string[] | null = null;
  const rows: string[][] = [];

  const takeHeader = (index: number) => {
    metadata = preambleMetadata(pending.slice(0, index));
    columns = (pending[index] ?? []).map((cell) => cell.trim());
    rows.push(...pending.slice(index + 1));
    pending.length = 0;
  };

  // Leaving this loop early (break) cancels the download: see csv-records.ts.
  for await (const { cells } of records) {
    if (columns === null) {
      pending.push(cells);
      if (isSettlementHeader(cells)) takeHeader(pending.length - 1);
      else if (pending.length >= HEADER_LOOKAHEAD) takeHeader(fallbackHeaderIndex(pending));
    } else {
      rows.push(cells);
    }
    if (rows.length > maxRows) break;
  }
  if (columns === null) takeHeader(fallbackHeaderIndex(pending));
  return { delimiter, columns: columns ?? [], rows: rows.slice(0, maxRows), metadata, truncated: rows.length > maxRows };
}
