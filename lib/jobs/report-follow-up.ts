import { z } from 'zod';
import { formatAmazonTimestamp } from '@/lib/amazon-pay';
import { reportIdSchema } from '@/lib/ids';
import { defineJob, type JobContext } from './definitions';

export const REPORT_FOLLOW_UP = 'report-follow-up';
export const REPORT_SCHEDULES = 'report-schedules';

/** A report Amazon is still generating: the job is retried, with backoff, until it is done. */
export class ReportNotReadyError extends Error {
  override readonly name = 'ReportNotReadyError';
}

const DONE = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

/**
 * Polls a report the merchant asked for until Amazon has finished it
 * (https://developer.amazon.com/docs/amazon-pay-api-v2/reports.html). Amazon takes from
 * seconds to hours; the retries (30 s, doubling, ten times) cover about eight hours.
 */
export const reportFollowUpJob = defineJob({
  name: REPORT_FOLLOW_UP,
  title: 'Report follow-up',
  description: 'Polls each Amazon Pay report that was asked for, or that a schedule produced, until Amazon has finished it.',
  payload: z.object({ reportId: reportIdSchema }),
  // One poll per report at a time, however often it is queued.
  policy: 'singleton',
  retryLimit: 10,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 120,
  async run({ reportId }, { amazon }) {
    const report = await amazon.getReportById(reportId);
    if (!DONE.has(report.processingStatus)) {
      throw new ReportNotReadyError(`report ${reportId} is ${report.processingStatus}`);
    }
    return {
      reportId,
      reportType: report.reportType,
      status: report.processingStatus,
      reportDocumentId: report.reportDocumentId ?? null,
    };
  },
});

const LOOK_BACK_HOURS = 26;

async function followScheduledReports({ amazon, enqueue }: JobContext, now: Date) {
  const { reportSchedules } = await amazon.getReportSchedules();
  if (reportSchedules.length === 0) return { schedules: 0, reportsInProgress: 0 };
  const { reports } = await amazon.getReports({
    reportTypes: [...new Set(reportSchedules.map((schedule) => schedule.reportType))],
    processingStatuses: ['IN_PROGRESS'],
    createdSince: formatAmazonTimestamp(new Date(now.getTime() - LOOK_BACK_HOURS * 3600_000)),
    createdUntil: formatAmazonTimestamp(now),
  });
  for (const report of reports) {
    await enqueue(reportFollowUpJob, { reportId: report.reportId }, { singletonKey: report.reportId });
  }
  return { schedules: reportSchedules.length, reportsInProgress: reports.length };
}

/**
 * Follows the merchant's report schedules: every hour, the reports a schedule has started
 * and Amazon is still generating get a follow-up of their own.
 */
export function reportSchedulesJob(now: () => Date = () => new Date()) {
  return defineJob({
    name: REPORT_SCHEDULES,
    title: 'Report schedules',
    description: 'Every hour, finds the reports the Amazon Pay report schedules started and follows each one up.',
    payload: z.object({ trigger: z.enum(['schedule', 'admin']).default('schedule') }),
    policy: 'singleton',
    retryLimit: 3,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 5 * 60,
    cron: '17 * * * *',
    run: (_payload, context) => followScheduledReports(context, now()),
  });
}
