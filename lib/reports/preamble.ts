/**
 * The lines before a report's table. Amazon lists the settlement header fields
 * `SellerId`, `SettlementStartDate`, `SettlementEndDate`
 * (https://developer.amazon.com/docs/amazon-pay-reports/settlement-reports.html)
 * but not their layout (docs/amazon-pay-decisions.md): the sandbox writes them as key/value lines, a real file may
 * write a row of names followed by a row of values. Both read the same here.
 */
export function recordWidth(record: readonly string[]): number {
  let width = record.length;
  while (width > 0 && record[width - 1]?.trim() === '') width--;
  return width;
}

export function preambleMetadata(records: readonly (readonly string[])[]): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (let i = 0; i < records.length; i++) {
    const record = records[i] ?? [];
    const width = recordWidth(record);
    if (width === 0) continue;
    if (width <= 2) {
      const key = record[0]?.trim();
      if (key) metadata[key] = record[1]?.trim() ?? '';
      continue;
    }
    // A row of names; the next row, if any, holds their values.
    const values = records[i + 1] ?? [];
    record.slice(0, width).forEach((name, column) => {
      if (name.trim() !== '') metadata[name.trim()] = values[column]?.trim() ?? '';
    });
    i++;
  }
  return metadata;
}
