import type { Report } from '@/lib/amazon-pay';
import { isSettlementReportType, isTerminalReportStatus, reportStatusLabel, reportTypeLabel } from '@/lib/reports/report-types';

/** What the browser receives for one report: Amazon's fields plus the labels, nothing raw beyond them. */
export interface ReportRow {
  readonly reportId: string;
  readonly reportType: string;
  readonly typeLabel: string;
  readonly status: string;
  readonly statusLabel: string;
  readonly terminal: boolean;
  readonly settlement: boolean;
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly createdTime: string | null;
  readonly processingEndTime: string | null;
  readonly hasDocument: boolean;
}

export interface ReportPage {
  readonly reports: readonly ReportRow[];
  readonly nextCursor: string | null;
}

export function toReportRow(report: Report): ReportRow {
  return {
    reportId: report.reportId,
    reportType: report.reportType,
    typeLabel: reportTypeLabel(report.reportType),
    status: report.processingStatus,
    statusLabel: reportStatusLabel(report.processingStatus),
    terminal: isTerminalReportStatus(report.processingStatus),
    settlement: isSettlementReportType(report.reportType),
    startTime: report.startTime ?? null,
    endTime: report.endTime ?? null,
    createdTime: report.createdTime ?? null,
    processingEndTime: report.processingEndTime ?? null,
    hasDocument: Boolean(report.reportDocumentId),
  };
}

/** One report's page: the row plus what only the detail view shows. */
export interface ReportDetail extends ReportRow {
  readonly processingStartTime: string | null;
  readonly reportDocumentId: string | null;
}

export function toReportDetail(report: Report): ReportDetail {
  return {
    ...toReportRow(report),
    processingStartTime: report.processingStartTime ?? null,
    reportDocumentId: report.reportDocumentId ?? null,
  };
}
