import { z } from 'zod';
import { nullableString, openString } from './common';

// https://developer.amazon.com/docs/amazon-pay-api-v2/reports.html
export type ReportProcessingStatus = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED' | 'CANCELLED';

export const reportSchema = z.looseObject({
  reportId: z.string(),
  reportType: z.string(),
  startTime: nullableString,
  endTime: nullableString,
  createdTime: nullableString,
  processingStatus: openString<ReportProcessingStatus>(),
  processingStartTime: nullableString,
  processingEndTime: nullableString,
  reportDocumentId: nullableString,
});
export type Report = z.infer<typeof reportSchema>;

export const reportListSchema = z.looseObject({ reports: z.array(reportSchema), nextToken: nullableString });
export type ReportList = z.infer<typeof reportListSchema>;

export const reportDocumentSchema = z.looseObject({
  reportDocumentId: z.string(),
  url: z.string(),
  compressionAlgorithm: nullableString,
});
export type ReportDocument = z.infer<typeof reportDocumentSchema>;

export const reportScheduleSchema = z.looseObject({
  reportScheduleId: z.string(),
  reportType: z.string(),
  scheduleFrequency: z.string(),
  nextReportCreationTime: nullableString,
});
export type ReportSchedule = z.infer<typeof reportScheduleSchema>;

export const reportScheduleListSchema = z.looseObject({ reportSchedules: z.array(reportScheduleSchema) });
export type ReportScheduleList = z.infer<typeof reportScheduleListSchema>;

export const createReportResultSchema = z.looseObject({ reportId: z.string() });
export type CreateReportResult = z.infer<typeof createReportResultSchema>;

export const createReportScheduleResultSchema = z.looseObject({ reportScheduleId: z.string() });
export type CreateReportScheduleResult = z.infer<typeof createReportScheduleResultSchema>;

/** cancelReportSchedule answers with an empty or unspecified body. */
export const emptyResultSchema = z.looseObject({});
export type EmptyResult = z.infer<typeof emptyResultSchema>;
