import type { CreateReportRequest, CreateReportScheduleRequest, GetReportsQuery } from '../requests';
import {
  createReportResultSchema,
  createReportScheduleResultSchema,
  emptyResultSchema,
  reportDocumentSchema,
  reportListSchema,
  reportScheduleListSchema,
  reportScheduleSchema,
  reportSchema,
  type CreateReportResult,
  type CreateReportScheduleResult,
  type EmptyResult,
  type Report,
  type ReportDocument,
  type ReportList,
  type ReportSchedule,
  type ReportScheduleList,
} from '../schemas/reports';
import type { ReadOptions, WriteOptions } from '../transport';
import { named, type OperationsReturning } from './define';

type QueryPairs = Array<[string, string]>;

/**
 * List filters travel as ONE comma-separated value
 * (https://developer.amazon.com/docs/amazon-pay-api-v2/reports.html), so the comma is encoded.
 */
function reportsQuery(query: GetReportsQuery): QueryPairs {
  const pairs: QueryPairs = [];
  if (query.reportTypes?.length) pairs.push(['reportTypes', query.reportTypes.join(',')]);
  if (query.processingStatuses?.length) pairs.push(['processingStatuses', query.processingStatuses.join(',')]);
  if (query.createdSince !== undefined) pairs.push(['createdSince', query.createdSince]);
  if (query.createdUntil !== undefined) pairs.push(['createdUntil', query.createdUntil]);
  if (query.pageSize !== undefined) pairs.push(['pageSize', String(query.pageSize)]);
  if (query.nextToken !== undefined) pairs.push(['nextToken', query.nextToken]);
  return pairs;
}

// reports, report-documents, report-schedules: https://developer.amazon.com/docs/amazon-pay-api-v2/reports.html
export function reportOperations(returning: OperationsReturning) {
  const report = returning<Report>(reportSchema);
  const reportList = returning<ReportList>(reportListSchema);
  const reportDocument = returning<ReportDocument>(reportDocumentSchema);
  const reportCreated = returning<CreateReportResult>(createReportResultSchema);
  const schedule = returning<ReportSchedule>(reportScheduleSchema);
  const scheduleList = returning<ReportScheduleList>(reportScheduleListSchema);
  const scheduleCreated = returning<CreateReportScheduleResult>(createReportScheduleResultSchema);
  const nothing = returning<EmptyResult>(emptyResultSchema);
  return {
    getReports: (query: GetReportsQuery = {}, options?: ReadOptions): Promise<ReportList> =>
      reportList.request('getReports', 'GET', ['reports'], { query: reportsQuery(query), options }),

    getReportSchedules: (reportTypes?: readonly string[], options?: ReadOptions): Promise<ReportScheduleList> =>
      scheduleList.request('getReportSchedules', 'GET', ['report-schedules'], {
        query: reportsQuery({ ...(reportTypes && { reportTypes }) }),
        options,
      }),

    cancelReportSchedule: (reportScheduleId: string, options?: WriteOptions): Promise<EmptyResult> =>
      nothing.request('cancelReportSchedule', 'DELETE', ['report-schedules', reportScheduleId], { options }),

    ...named({
      getReportById: report.get('reports'),
      getReportDocument: reportDocument.get('report-documents'),
      getReportScheduleById: schedule.get('report-schedules'),
      createReport: reportCreated.create<CreateReportRequest>('reports'),
      createReportSchedule: scheduleCreated.create<CreateReportScheduleRequest>('report-schedules'),
    }),
  };
}
