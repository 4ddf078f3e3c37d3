/**
 * Amazon's settlement and transaction files are flat files whose delimiter Amazon
 * does not document (docs/amazon-pay-decisions.md): the sandbox writes tabs, Seller Central exports
 * and hand-edited copies are often comma-separated. We look at the first lines
 * and count each candidate outside double quotes.
 */
export type Delimiter = '\t' | ',';

export const DELIMITER_LABELS: Readonly<Record<Delimiter, string>> = { '\t': 'tab', ',': 'comma' };

/** Lines examined; the first ones hold the preamble and the header, which is enough. */
const SAMPLE_LINES = 20;

interface LineCounts {
  tabs: number;
  commas: number;
}

/** Splits the sample into logical lines, counting delimiters outside quotes; a quoted newline stays inside its line. */
function countLines(sample: string): LineCounts[] {
  const lines: LineCounts[] = [];
  let current: LineCounts = { tabs: 0, commas: 0 };
  let quoted = false;
  let empty = true;
  for (let i = 0; i < sample.length && lines.length < SAMPLE_LINES; i++) {
    const char = sample[i];
    if (char === '"') {
      // A doubled quote inside a quoted field is an escaped quote, not the end of the field.
      if (quoted && sample[i + 1] === '"') i++;
      else quoted = !quoted;
      empty = false;
    } else if (!quoted && (char === '\n' || char === '\r')) {
      if (!empty) lines.push(current);
      current = { tabs: 0, commas: 0 };
      empty = true;
    } else {
      if (!quoted && char === '\t') current.tabs++;
      if (!quoted && char === ',') current.commas++;
      if (char !== ' ') empty = false;
    }
  }
  if (!empty && lines.length < SAMPLE_LINES) lines.push(current);
  return lines;
}

/**
 * Tab wins when any line has a tab outside quotes and the tab-separated lines
 * are at least as wide as the comma-separated reading; otherwise comma when
 * commas appear; with neither (a one-column file) tab, the sandbox's format.
 */
export function detectDelimiter(sample: string): Delimiter {
  const lines = countLines(sample.replace(/^\uFEFF/, ''));
  const maxTabs = Math.max(0, ...lines.map((line) => line.tabs));
  const maxCommas = Math.max(0, ...lines.map((line) => line.commas));
  if (maxTabs === 0 && maxCommas === 0) return '\t';
  if (maxTabs === 0) return ',';
  if (maxCommas === 0) return '\t';
  // Both appear (e.g. "1,234.56" amounts or descriptions in a tab file): the one on more lines, then the wider one.
  const tabLines = lines.filter((line) => line.tabs > 0).length;
  const commaLines = lines.filter((line) => line.commas > 0).length;
  if (tabLines !== commaLines) return tabLines > commaLines ? '\t' : ',';
  return maxTabs >= maxCommas ? '\t' : ',';
}
