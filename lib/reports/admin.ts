import 'server-only';
import { AmazonPayError, type ReportSchedule } from '@/lib/amazon-pay';
import { getAmazonPay } from '@/lib/amazon-pay/server';
import {
  transactionsToCsvStream,
  type EcomchargeClient,
  type EcomchargePage,
  type EcomchargeTransaction,
} from '@/lib/ecomcharge';
import { getEcomcharge, type EcomchargeSetup } from '@/lib/ecomcharge/server';
import { UserFacingError } from '@/lib/errors';
import { toAmazonTimestamp } from '@/lib/reports/date-range';
import { documentResponse, openReportDocumentById } from '@/lib/reports/document-stream';
import { periodParams, type EcomQuery } from '@/lib/reports/ecomcharge-query';
import { encodeReportCursor } from '@/lib/reports/pagination';
import { previewDocument, type DocumentPreview } from '@/lib/reports/preview';
import { reconciliationToCsv } from '@/lib/reports/reconciliation-csv';
import type { ReportListQuery } from '@/lib/reports/report-filters';
import { reportTypeLabel } from '@/lib/reports/report-types';
import { toReportDetail, toReportRow, type ReportDetail, type ReportPage, type ReportRow } from '@/lib/reports/report-row';
import { reconcileSettlementReport, type SettlementReconciliation } from '@/lib/reports/settlement-reconciliation';
import { enqueueReportFollowUp } from '@/lib/jobs';
import { errorFields, log } from '@/lib/log';

/**
 * The reports admin's one way into Amazon Pay and eComCharge: its pages, route handlers
 * and actions call these and get view rows back. Errors are thrown as they come
 * (AmazonPayError, EcomchargeError, ReportDocumentError, UserFacingError) for
 * lib/auth/admin-errors.ts to put into words.
 */

export type { ReportSchedule };
export type { EcomchargeTransaction };

// Amazon Pay reports

/** One page of the list: a first page for the filters, or the page after a cursor's nextToken. */
export async function listReports(request: ReportListQuery | { nextToken: string }, filtersKey: string): Promise<ReportPage> {
  const list = await getAmazonPay().getReports(request);
  return {
    reports: list.reports.map(toReportRow),
    nextCursor: list.nextToken ? encodeReportCursor(list.nextToken, filtersKey) : null,
  };
}

export async function getReport(reportId: string): Promise<ReportRow> {
  return toReportRow(await getAmazonPay().getReportById(reportId));
}

/** The report's page; null when Amazon does not know the id. */
export async function findReportDetail(reportId: string): Promise<ReportDetail | null> {
  try {
    return toReportDetail(await getAmazonPay().getReportById(reportId));
  } catch (error) {
    if (error instanceof AmazonPayError && error.status === 404) return null;
    throw error;
  }
}

export async function createReport(request: { reportType: string; startTime: Date; endTime: Date }): Promise<string> {
  const { reportId } = await getAmazonPay().createReport({
    reportType: request.reportType,
    startTime: toAmazonTimestamp(request.startTime),
    endTime: toAmazonTimestamp(request.endTime),
  });
  // The report page polls while it is open; the queue follows it up whether or not it is.
  await enqueueReportFollowUp(reportId).catch((error: unknown) =>
    log.warn({ context: 'reports', reportId, ...errorFields(error) }, 'report follow-up could not be queued'),
  );
  return reportId;
}

export async function listReportSchedules(): Promise<readonly ReportSchedule[]> {
  return (await getAmazonPay().getReportSchedules()).reportSchedules;
}

export async function scheduleReport(request: {
  reportType: string;
  scheduleFrequency: string;
  replaceExisting: boolean;
}): Promise<string> {
  try {
    const { reportScheduleId } = await getAmazonPay().createReportSchedule({
      reportType: request.reportType,
      scheduleFrequency: request.scheduleFrequency,
      // One schedule per report type: replacing one must be asked for explicitly
      // (https://developer.amazon.com/docs/amazon-pay-reports/managing-report-schedules.html).
      ...(request.replaceExisting && { deleteExistingSchedule: true }),
    });
    return reportScheduleId;
  } catch (error) {
    // 409 is the emulator's answer to a second schedule (sandbox/README.md "Reports"); Amazon documents none, so
    // any other refusal keeps Amazon's own words.
    if (!request.replaceExisting && error instanceof AmazonPayError && error.status === 409) {
      throw new UserFacingError(
        `A ${reportTypeLabel(request.reportType)} schedule exists already. Tick "Replace the existing schedule" to replace it with this one.`,
        'schedule_exists',
      );
    }
    throw error;
  }
}

export async function cancelReportSchedule(reportScheduleId: string): Promise<void> {
  await getAmazonPay().cancelReportSchedule(reportScheduleId);
}

/** The document as a streamed attachment; the signal stops the upstream download when the browser goes away. */
export async function downloadReportDocument(reportId: string, options: { signal?: AbortSignal } = {}): Promise<Response> {
  const { opened, filename } = await openReportDocumentById(getAmazonPay(), reportId, options);
  return documentResponse(opened, filename);
}

export async function previewReportDocument(reportId: string, maxRows: number): Promise<DocumentPreview> {
  const { opened } = await openReportDocumentById(getAmazonPay(), reportId);
  // previewDocument stops reading after the rows it needs and cancels the rest of the download.
  return previewDocument(opened.body, { delimiter: opened.delimiter, maxRows });
}

export type { SettlementReconciliation };

export function reconcileSettlement(reportId: string): Promise<SettlementReconciliation> {
  return reconcileSettlementReport(reportId);
}

export async function reconciliationCsv(reportId: string): Promise<string> {
  return reconciliationToCsv((await reconcileSettlementReport(reportId)).result);
}

// eComCharge transactions

/** Whether eComCharge can be asked, and with which shop: everything the page shows of the setup. */
export type EcomchargeAvailability =
  | { ok: true; source: 'configured' | 'sandbox-defaults'; apiUrl: string; shopId: string }
  | Extract<EcomchargeSetup, { ok: false }>;

export function ecomchargeAvailability(): EcomchargeAvailability {
  const setup = getEcomcharge();
  return setup.ok ? { ok: true, source: setup.source, apiUrl: setup.apiUrl, shopId: setup.shopId } : setup;
}

function ecomchargeClient(): EcomchargeClient {
  const setup = getEcomcharge();
  if (!setup.ok) throw new UserFacingError(setup.message, 'ecomcharge_not_configured');
  return setup.client;
}

export interface EcomchargeListing {
  readonly transactions: readonly EcomchargeTransaction[];
  /** Day: the day's count; period: the count of the whole period (v3 count). */
  readonly count: number;
  /** Where "Next" and "Previous" lead; `{}` is the period's first page. */
  readonly next: { after: string } | null;
  readonly previous: { before?: string } | null;
}

export async function listEcomchargeTransactions(query: EcomQuery): Promise<EcomchargeListing> {
  const client = ecomchargeClient();
  if (query.mode === 'day') {
    const day = await client.getDayReport({
      date: query.date,
      status: query.status,
      dateType: query.dateType,
      timeZone: query.timeZone,
    });
    return { transactions: day.transactions, count: day.count, next: null, previous: null };
  }
  const period = periodParams(query);
  const [count, page] = await Promise.all([
    client.countTransactions(period),
    client.listTransactions({
      ...period,
      ...(query.after && { startingAfter: query.after }),
      ...(query.before && { endingBefore: query.before }),
    }),
  ]);
  const empty = page.transactions.length === 0;
  const paged = Boolean(query.after || query.before);
  // The page size is unconfirmed: "next" is offered while the period holds more than this page; an empty page ends.
  return {
    transactions: page.transactions,
    count,
    next: !empty && page.lastObjectId !== null && count > page.transactions.length ? { after: String(page.lastObjectId) } : null,
    previous: paged && !empty && page.firstObjectId !== null ? { before: String(page.firstObjectId) } : paged ? {} : null,
  };
}

type ExportPage = EcomchargePage | readonly EcomchargeTransaction[];

/**
 * The query's transactions as a CSV stream: pages are fetched only as the browser reads
 * (lib/ecomcharge/csv-export.ts). The first page is awaited here, so a refusal throws
 * before any byte is sent instead of breaking the file halfway. The whole period is
 * exported, whatever page the admin was looking at.
 */
export async function exportEcomchargeCsv(
  query: EcomQuery,
  options: { signal?: AbortSignal } = {},
): Promise<{ body: ReadableStream<Uint8Array>; filename: string }> {
  const client = ecomchargeClient();
  const { signal } = options;
  let pages: AsyncIterator<ExportPage>;
  if (query.mode === 'day') {
    const day = client.getDayReport(
      { date: query.date, status: query.status, dateType: query.dateType, timeZone: query.timeZone },
      { signal },
    );
    pages = (async function* () {
      yield (await day).transactions;
    })();
  } else {
    pages = client.iterateTransactions(periodParams(query), { signal });
  }
  const first = await pages.next();
  const replay = (async function* () {
    if (first.done) return;
    yield first.value;
    for (let next = await pages.next(); !next.done; next = await pages.next()) yield next.value;
  })();
  const name = query.mode === 'day' ? query.date : `${query.from}_${query.to}`.replace(/[^0-9A-Za-z_-]/g, '');
  return { body: transactionsToCsvStream(replay), filename: `ecomcharge-${name}.csv` };
}
