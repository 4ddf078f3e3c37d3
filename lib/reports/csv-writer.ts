/**
 * CSV output (RFC 4180): fields with a comma, quote, CR or LF are quoted and
 * quotes doubled; lines end with CRLF. Text cells that a spreadsheet would run
 * as a formula (=, +, -, @, tab, CR first) get a leading apostrophe (OWASP
 * "CSV injection"): these files are opened by admins in Excel. Numbers are
 * written as they are, so "-12.50" stays a negative amount.
 */
export type CsvCell = string | number | boolean | null | undefined;

/** A cell known to be numeric (amounts, ids): never prefixed. */
export interface CsvNumber {
  readonly numeric: string;
}

export function numericCell(value: string): CsvNumber {
  return { numeric: value };
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvCell | CsvNumber): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'object') text = value.numeric;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: ReadonlyArray<CsvCell | CsvNumber>): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}
