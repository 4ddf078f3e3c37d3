import { describe, expect, it } from 'vitest';
import { formatAmazonTimestamp } from '@/lib/amazon-pay/signing';
import { SETTLEMENT_COLUMNS, TRANSACTION_COLUMNS } from './report-format';
import { call, completed, newSandbox, START } from '@/test/sandbox-sdk';

const SETTLEMENT = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_';
const CAPTURES = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_';
const ts = (ms: number) => formatAmazonTimestamp(new Date(ms));

async function download(sandbox: ReturnType<typeof newSandbox>, documentId: string) {
  const doc = await call(sandbox, 'GET', `report-documents/${documentId}`);
  expect(doc.body).toMatchObject({ reportDocumentId: documentId, compressionAlgorithm: 'N/A' });
  return { url: String(doc.body['url']), fetch: () => sandbox.handle(new Request(String(doc.body['url']))) };
}

describe('reports', () => {
  it('createReport goes IN_PROGRESS then COMPLETED, with a settlement flat file of the sandbox’s own captures and refunds', async () => {
    const sandbox = newSandbox();
    const { chargeId } = await completed(sandbox, { paymentIntent: 'AuthorizeWithCapture', amount: '100.00' });
    await call(sandbox, 'POST', 'refunds', { payload: { chargeId, refundAmount: { amount: '10.00', currencyCode: 'USD' } } });
    sandbox.advance(60);
    const created = await call(sandbox, 'POST', 'reports', {
      payload: { reportType: SETTLEMENT, startTime: ts(START - 3600_000), endTime: ts(START + 3600_000) },
    });
    expect(created.status).toBe(201);
    const reportId = String(created.body['reportId']);
    expect((await call(sandbox, 'GET', `reports/${reportId}`)).body).toMatchObject({
      processingStatus: 'IN_PROGRESS',
      reportDocumentId: null,
    });
    sandbox.advance(10);
    const done = await call(sandbox, 'GET', `reports/${reportId}`);
    expect(done.body['processingStatus']).toBe('COMPLETED');
    const doc = await download(sandbox, String(done.body['reportDocumentId']));
    const text = await (await doc.fetch()).text();
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('SettlementFileFormatVersion\tsandbox-1');
    expect(lines[1]).toBe('SellerId\tSANDBOXMERCHANT01');
    expect(lines[5]).toBe(SETTLEMENT_COLUMNS.join('\t'));
    const rows = lines.slice(6).map((line) => line.split('\t'));
    expect(rows.map((r) => [r[2], r[4], r[6], r[9], r[10]])).toEqual([
      [chargeId, 'Capture', '100.00', '-3.20', '96.80'],
      [expect.stringMatching(/-R\d{6}$/), 'Refund', '-10.00', '0.00', '-10.00'],
    ]);
  });

  it('cancels a report with no data, and refuses the non-sandbox settlement type', async () => {
    const sandbox = newSandbox();
    const created = await call(sandbox, 'POST', 'reports', {
      payload: { reportType: CAPTURES, startTime: ts(START - 1000), endTime: ts(START) },
    });
    sandbox.advance(10);
    expect((await call(sandbox, 'GET', `reports/${String(created.body['reportId'])}`)).body['processingStatus']).toBe(
      'CANCELLED',
    );
    const live = await call(sandbox, 'POST', 'reports', {
      payload: {
        reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_',
        startTime: ts(START - 1000),
        endTime: ts(START),
      },
    });
    expect(live.status).toBe(400);
  });

  it('pre-signed document URLs expire after 30 seconds and refuse tampering', async () => {
    const sandbox = newSandbox();
    await completed(sandbox, { paymentIntent: 'AuthorizeWithCapture' });
    const created = await call(sandbox, 'POST', 'reports', {
      payload: { reportType: CAPTURES, startTime: ts(START - 1000), endTime: ts(START + 1000) },
    });
    sandbox.advance(10);
    const report = await call(sandbox, 'GET', `reports/${String(created.body['reportId'])}`);
    const doc = await download(sandbox, String(report.body['reportDocumentId']));
    const text = await (await doc.fetch()).text();
    expect(text.split('\n')[1]).toBe(TRANSACTION_COLUMNS.join('\t'));
    const tampered = await sandbox.handle(
      new Request(doc.url.replace(/signature=(.)/, (_, first: string) => `signature=${first === '0' ? '1' : '0'}`)),
    );
    expect(tampered.status).toBe(403);
    sandbox.advance(31);
    const expired = await doc.fetch();
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
  });

  it('lists with filters and nextToken pagination; nextToken must come alone', async () => {
    const sandbox = newSandbox();
    for (let i = 0; i < 5; i++) {
      await call(sandbox, 'POST', 'reports', {
        payload: { reportType: i % 2 ? CAPTURES : SETTLEMENT, startTime: ts(START - 1000), endTime: ts(START) },
      });
      sandbox.advance(1);
    }
    const page1 = await call(sandbox, 'GET', 'reports', { queryParams: { pageSize: '2' } });
    expect((page1.body['reports'] as unknown[]).length).toBe(2);
    const token = String(page1.body['nextToken']);
    const page2 = await call(sandbox, 'GET', 'reports', { queryParams: { nextToken: token } });
    const page3 = await call(sandbox, 'GET', 'reports', { queryParams: { nextToken: String(page2.body['nextToken']) } });
    expect((page3.body['reports'] as unknown[]).length).toBe(1);
    expect(page3.body['nextToken']).toBeUndefined();
    const mixed = await call(sandbox, 'GET', 'reports', { queryParams: { nextToken: token, pageSize: '2' } });
    expect(mixed.status).toBe(400);
    const filtered = await call(sandbox, 'GET', 'reports', {
      queryParams: { reportTypes: CAPTURES, processingStatuses: 'IN_PROGRESS,COMPLETED' },
    });
    expect((filtered.body['reports'] as Array<{ reportType: string }>).map((r) => r.reportType)).toEqual([CAPTURES, CAPTURES]);
  });

  it('schedules: one per type, replaced only with deleteExistingSchedule, produce reports as the clock advances, and cancel', async () => {
    const sandbox = newSandbox();
    const first = await call(sandbox, 'POST', 'report-schedules', {
      payload: { reportType: SETTLEMENT, scheduleFrequency: 'PT1H' },
    });
    expect(first.status).toBe(201);
    const dup = await call(sandbox, 'POST', 'report-schedules', {
      payload: { reportType: SETTLEMENT, scheduleFrequency: 'P1D' },
    });
    expect(dup.status).toBe(409);
    const replaced = await call(sandbox, 'POST', 'report-schedules', {
      payload: { reportType: SETTLEMENT, scheduleFrequency: 'PT1H', deleteExistingSchedule: true },
    });
    const scheduleId = String(replaced.body['reportScheduleId']);
    const list = await call(sandbox, 'GET', 'report-schedules', { queryParams: { reportTypes: SETTLEMENT } });
    expect((list.body['reportSchedules'] as unknown[]).length).toBe(1);
    expect((await call(sandbox, 'GET', `report-schedules/${scheduleId}`)).body).toMatchObject({
      scheduleFrequency: 'PT1H',
      nextReportCreationTime: ts(START + 3600_000),
    });
    expect(
      (
        await call(sandbox, 'POST', 'report-schedules', {
          payload: { reportType: SETTLEMENT, scheduleFrequency: 'P9Y', deleteExistingSchedule: true },
        })
      ).status,
    ).toBe(400);

    await completed(sandbox, { paymentIntent: 'AuthorizeWithCapture' });
    sandbox.advance(3 * 3600 + 20);
    const reports = (await call(sandbox, 'GET', 'reports')).body['reports'] as Array<{ processingStatus: string }>;
    expect(reports.length).toBe(3);
    expect(reports.map((r) => r.processingStatus).sort()).toEqual(['CANCELLED', 'CANCELLED', 'COMPLETED']);
    expect((await call(sandbox, 'DELETE', `report-schedules/${scheduleId}`)).status).toBe(200);
    expect((await call(sandbox, 'GET', `report-schedules/${scheduleId}`)).status).toBe(404);
  });

  it('streams large documents', async () => {
    const sandbox = newSandbox();
    for (let i = 0; i < 1500; i++)
      sandbox.store.ledger.push({
        postedMs: START,
        type: 'Capture',
        amazonTransactionId: `S01-0000000-0000000-C${String(i).padStart(6, '0')}`,
        chargePermissionId: 'S01-0000000-0000000',
        merchantReferenceId: `O${i}`,
        amount: { amount: 100, currency: 'USD' },
      });
    const created = await call(sandbox, 'POST', 'reports', {
      payload: { reportType: CAPTURES, startTime: ts(START - 1000), endTime: ts(START + 1000) },
    });
    sandbox.advance(10);
    const report = await call(sandbox, 'GET', `reports/${String(created.body['reportId'])}`);
    const response = await (await download(sandbox, String(report.body['reportDocumentId']))).fetch();
    const reader = response.body?.getReader();
    let chunks = 0;
    let text = '';
    for (;;) {
      const { done, value } = (await reader?.read()) ?? { done: true, value: undefined };
      if (done) break;
      chunks += 1;
      text += new TextDecoder().decode(value);
    }
    expect(chunks).toBeGreaterThan(1);
    expect(text.trimEnd().split('\n').length).toBe(1502);
  });
});
