import { beforeEach, describe, expect, it } from 'vitest';
import { checkoutUntilReturn, createHarness, rejectionOf, START, usd, type Harness } from '@/test/sandbox-harness';
import { formatAmazonTimestamp } from './index';

/** Every report and report-schedule operation of our client against the sandbox. */

const SETTLEMENT = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_';
const CAPTURES = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_';
const REFUNDS = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_';
const HOUR_MS = 3_600_000;
const at = (ms: number) => formatAmazonTimestamp(new Date(ms));
const period = { startTime: at(START - HOUR_MS), endTime: at(START + HOUR_MS) };

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

async function capturedAndRefunded(): Promise<string> {
  const id = await checkoutUntilReturn(h, { paymentIntent: 'AuthorizeWithCapture', amount: '100.00' });
  const { chargeId } = await h.client.completeCheckoutSession(id, { chargeAmount: usd('100.00') });
  await h.client.createRefund({ chargeId: chargeId ?? '', refundAmount: usd('10.00') });
  h.sandbox.advance(30);
  return chargeId ?? '';
}

describe('reports', () => {
  it('createReport → getReportById (IN_PROGRESS, then COMPLETED) → getReportDocument → the document itself', async () => {
    const chargeId = await capturedAndRefunded();
    const { reportId } = await h.client.createReport({ reportType: SETTLEMENT, ...period });
    const inProgress = await h.client.getReportById(reportId);
    expect([inProgress.processingStatus, inProgress.reportDocumentId, inProgress.reportType]).toEqual([
      'IN_PROGRESS',
      null,
      SETTLEMENT,
    ]);

    h.sandbox.advance(10);
    const done = await h.client.getReportById(reportId);
    expect(done.processingStatus).toBe('COMPLETED');
    const document = await h.client.getReportDocument(done.reportDocumentId ?? '');
    expect([document.reportDocumentId, document.compressionAlgorithm]).toEqual([done.reportDocumentId, 'N/A']);

    const text = await (await h.page(document.url)).text();
    const rows = text
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows[0]).toEqual(['SettlementFileFormatVersion', 'sandbox-1']);
    expect(rows.filter((row) => row[4] === 'Capture').map((row) => [row[2], row[6]])).toEqual([[chargeId, '100.00']]);
    expect(rows.filter((row) => row[4] === 'Refund').map((row) => row[6])).toEqual(['-10.00']);
  });

  it('getReports filters by type and status and pages with nextToken as the only parameter', async () => {
    await capturedAndRefunded();
    const ids = [];
    for (const reportType of [CAPTURES, REFUNDS, CAPTURES])
      ids.push((await h.client.createReport({ reportType, ...period })).reportId);
    h.sandbox.advance(10);
    const empty = await h.client.createReport({
      reportType: CAPTURES,
      startTime: at(START - 2 * HOUR_MS),
      endTime: at(START - HOUR_MS),
    });

    const captures = await h.client.getReports({ reportTypes: [CAPTURES], processingStatuses: ['COMPLETED'] });
    expect(captures.reports.map((r) => r.reportId).sort()).toEqual([ids[0], ids[2]].sort());
    const both = await h.client.getReports({
      reportTypes: [CAPTURES, REFUNDS],
      processingStatuses: ['COMPLETED', 'IN_PROGRESS'],
      createdSince: at(START - HOUR_MS),
      createdUntil: at(START + 2 * HOUR_MS),
    });
    expect(both.reports.map((r) => r.reportId).sort()).toEqual([...ids, empty.reportId].sort());

    const firstPage = await h.client.getReports({ pageSize: 3 });
    expect(firstPage.reports).toHaveLength(3);
    const secondPage = await h.client.getReports({ nextToken: firstPage.nextToken ?? '' });
    expect(secondPage.reports).toHaveLength(1);
    expect(secondPage.nextToken ?? null).toBeNull();
    expect([...firstPage.reports, ...secondPage.reports].map((r) => r.reportId).sort()).toEqual([...ids, empty.reportId].sort());

    // A report with no data is CANCELLED.
    h.sandbox.advance(10);
    expect((await h.client.getReportById(empty.reportId)).processingStatus).toBe('CANCELLED');
  });

  it('refusals: the live settlement type, an unknown report, nextToken with other parameters', async () => {
    const live = await rejectionOf(
      h.client.createReport({ reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_', ...period }),
    );
    expect([live.status, live.reasonCode, live.retryable]).toEqual([400, 'InvalidParameterValue', false]);
    const missing = await rejectionOf(h.client.getReportById('RNOSUCHREPORT'));
    expect([missing.status, missing.reasonCode]).toEqual([404, 'ResourceNotFound']);
    const mixed = await rejectionOf(h.client.getReports({ nextToken: 'x', pageSize: 5 }));
    expect([mixed.status, mixed.reasonCode]).toEqual([400, 'InvalidParameterCombination']);
  });
});

describe('report schedules', () => {
  it('create, get by id, list, replace only when asked, produce a report per period, cancel', async () => {
    await capturedAndRefunded();
    const { reportScheduleId } = await h.client.createReportSchedule({
      reportType: CAPTURES,
      scheduleFrequency: 'PT1H',
      nextReportCreationTime: at(START + HOUR_MS),
    });
    const schedule = await h.client.getReportScheduleById(reportScheduleId);
    expect(schedule).toMatchObject({
      reportScheduleId,
      reportType: CAPTURES,
      scheduleFrequency: 'PT1H',
      nextReportCreationTime: at(START + HOUR_MS),
    });
    expect((await h.client.getReportSchedules([CAPTURES])).reportSchedules.map((s) => s.reportScheduleId)).toEqual([
      reportScheduleId,
    ]);
    expect((await h.client.getReportSchedules([REFUNDS])).reportSchedules).toEqual([]);

    // One schedule per report type.
    const conflict = await rejectionOf(h.client.createReportSchedule({ reportType: CAPTURES, scheduleFrequency: 'P1D' }));
    expect([conflict.status, conflict.retryable]).toEqual([409, false]);
    const replacement = await h.client.createReportSchedule({
      reportType: CAPTURES,
      scheduleFrequency: 'PT1H',
      nextReportCreationTime: at(START + HOUR_MS),
      deleteExistingSchedule: true,
    });
    expect(replacement.reportScheduleId).not.toBe(reportScheduleId);
    expect((await rejectionOf(h.client.getReportScheduleById(reportScheduleId))).status).toBe(404);

    h.sandbox.advance(3600 + 10);
    const produced = await h.client.getReports({ reportTypes: [CAPTURES] });
    expect(produced.reports).toHaveLength(1);
    expect(produced.reports[0]).toMatchObject({
      processingStatus: 'COMPLETED',
      startTime: at(START),
      endTime: at(START + HOUR_MS),
    });
    expect((await h.client.getReportScheduleById(replacement.reportScheduleId)).nextReportCreationTime).toBe(
      at(START + 2 * HOUR_MS),
    );

    expect(await h.client.cancelReportSchedule(replacement.reportScheduleId)).toEqual({});
    expect((await h.client.getReportSchedules()).reportSchedules).toEqual([]);
    const gone = await rejectionOf(h.client.cancelReportSchedule(replacement.reportScheduleId));
    expect([gone.status, gone.reasonCode]).toEqual([404, 'ResourceNotFound']);
  });

  it('refuses an unknown frequency', async () => {
    const error = await rejectionOf(h.client.createReportSchedule({ reportType: CAPTURES, scheduleFrequency: 'P1M' }));
    expect([error.status, error.reasonCode]).toEqual([400, 'InvalidParameterValue']);
  });
});
