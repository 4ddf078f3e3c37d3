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
import type { ReadOptions, Send, WriteOptions } from '../transport';

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
export function reportOperations(send: Send) {
  return {
    getReports: (query: GetReportsQuery = {}, options?: ReadOptions): Promise<ReportList> =>
      send({
        operation: 'getReports',
        method: 'GET',
        segments: ['reports'],
        query: reportsQuery(query),
        options,
        schema: reportListSchema,
      }),

    getReportById: (reportId: string, options?: ReadOptions): Promise<Report> =>
      send({ operation: 'getReportById', method: 'GET', segments: ['reports', reportId], options, schema: reportSchema }),

    getReportDocument: (reportDocumentId: string, options?: ReadOptions): Promise<ReportDocument> =>
      send({
        operation: 'getReportDocument',
        method: 'GET',
        segments: ['report-documents', reportDocumentId],
        options,
        schema: reportDocumentSchema,
      }),

    getReportSchedules: (reportTypes?: readonly string[], options?: ReadOptions): Promise<ReportScheduleList> =>
      send({
        operation: 'getReportSchedules',
        method: 'GET',
        segments: ['report-schedules'],
        query: reportsQuery({ ...(reportTypes && { reportTypes }) }),
        options,
        schema: reportScheduleListSchema,
      }),

    getReportScheduleById: (reportScheduleId: string, options?: ReadOptions): Promise<ReportSchedule> =>
      send({
        operation: 'getReportScheduleById',
        method: 'GET',
        segments: ['report-schedules', reportScheduleId],
        options,
        schema: reportScheduleSchema,
      }),

    createReport: (payload: CreateReportRequest, options?: WriteOptions): Promise<CreateReportResult> =>
      send({
        operation: 'createReport',
        method: 'POST',
        segments: ['reports'],
        body: payload,
        options,
        schema: createReportResultSchema,
      }),

    createReportSchedule: (payload: CreateReportScheduleRequest, options?: WriteOptions): Promise<CreateReportScheduleResult> =>
      send({
        operation: 'createReportSchedule',
        method: 'POST',
        segments: ['report-schedules'],
        body: payload,
        options,
        schema: createReportScheduleResultSchema,
      }),

    cancelReportSchedule: (reportScheduleId: string, options?: WriteOptions): Promise<EmptyResult> =>
      send({
        operation: 'cancelReportSchedule',
        method: 'DELETE',
        segments: ['report-schedules', reportScheduleId],
        options,
        schema: emptyResultSchema,
      }),
  };
}
