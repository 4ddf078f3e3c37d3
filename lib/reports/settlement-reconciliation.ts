import 'server-only';
import { parseAmazonTimestamp, type Report } from '@/lib/amazon-pay';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { getAmazonPay } from '@/lib/amazon-pay/server';
import { loadSettlementBooks, settlementPeriod, type BooksPeriod } from '@/lib/reports/books';
import { openReportDocumentById } from '@/lib/reports/document-stream';
import { reconcile, type ReconciliationResult } from '@/lib/reports/reconcile';
import { parseSettlementDocument, type SettlementIssue } from '@/lib/reports/settlement';
import { isSettlementReportType } from '@/lib/reports/report-types';
import { UserFacingError } from '@/lib/errors';

/**
 * Settlement reconciliation for one report, shared by the page and the CSV route:
 * the document is streamed and parsed row by row, our books are read for the
 * file's settlement period, and lib/reports/reconcile compares the two.
 */
export interface SettlementReconciliation {
  readonly report: Report;
  readonly period: BooksPeriod;
  readonly metadata: Readonly<Record<string, string>>;
  readonly issues: readonly SettlementIssue[];
  readonly result: ReconciliationResult;
}

export async function reconcileSettlementReport(reportId: string): Promise<SettlementReconciliation> {
  const amazon = getAmazonPay();
  const report = await amazon.getReportById(reportId);
  if (!isSettlementReportType(report.reportType))
    throw new UserFacingError('Only settlement reports can be reconciled.', 'not_settlement');
  const { opened } = await openReportDocumentById(amazon, reportId);
  // CurrencyCode is a guessed column (docs/amazon-pay-decisions.md): without it the store's ledger currency applies.
  const settlement = await parseSettlementDocument(opened.body, {
    defaultCurrency: getConfig().store.currency,
    delimiter: opened.delimiter,
  });
  const time = (value: string | null | undefined) => (value ? parseAmazonTimestamp(value) : null);
  const period = settlementPeriod(settlement.metadata, { start: time(report.startTime), end: time(report.endTime) });
  if (!period)
    throw new UserFacingError(
      'The settlement file names no settlement period, so our books cannot be matched to it.',
      'no_period',
    );
  const books = await loadSettlementBooks(await getDb(), period);
  return { report, period, metadata: settlement.metadata, issues: settlement.issues, result: reconcile(settlement.rows, books) };
}
