import { describe, expect, it } from 'vitest';
import { formatAmazonTimestamp } from '@/lib/amazon-pay/signing';
import { parseSettlementText } from '@/lib/reports/settlement';
import { settlementDate } from './report-format';
import type { Sandbox } from './sandbox';
import { call, completed, control, newSandbox, START } from '@/test/sandbox-sdk';

/**
 * A sandbox settlement report holds the merchant's own money movements for the period asked for: the captures and
 * refunds the emulator performed, nothing made up (sandbox/README.md "Reports").
 */
const SETTLEMENT = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_';
const ts = (ms: number) => formatAmazonTimestamp(new Date(ms));
const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

async function refund(sandbox: Sandbox, chargeId: string, amount: string, simulation?: string): Promise<string> {
  const created = await call(sandbox, 'POST', 'refunds', {
    payload: { chargeId, refundAmount: usd(amount) },
    ...(simulation ? { simulation } : {}),
  });
  expect(created.status).toBe(201);
  return String(created.body['refundId']);
}

async function settlementText(sandbox: Sandbox, startMs: number, endMs: number): Promise<string> {
  const created = await call(sandbox, 'POST', 'reports', {
    payload: { reportType: SETTLEMENT, startTime: ts(startMs), endTime: ts(endMs) },
  });
  expect(created.status).toBe(201);
  sandbox.advance(10);
  const report = await call(sandbox, 'GET', `reports/${String(created.body['reportId'])}`);
  expect(report.body['processingStatus']).toBe('COMPLETED');
  const document = await call(sandbox, 'GET', `report-documents/${String(report.body['reportDocumentId'])}`);
  const response = await sandbox.handle(new Request(String(document.body['url'])));
  const text = await response.text();
  // The size S3 would declare, so a download can show its progress against it.
  expect(response.headers.get('content-length')).toBe(String(new TextEncoder().encode(text).byteLength));
  return text;
}

describe('a sandbox settlement report of the merchant’s own transactions', () => {
  it('holds exactly the captures and refunds posted in [startTime, endTime), with their fees', async () => {
    const sandbox = newSandbox();
    // Captured before the period: its capture is left out, its refund inside the period is not.
    const early = await completed(sandbox, { paymentIntent: 'AuthorizeWithCapture', amount: '20.00' });
    sandbox.advance(60);
    const startMs = sandbox.clock.nowMs();
    expect(startMs).toBe(START + 60_000);

    // Captured at the very start: the start is inclusive.
    const first = await completed(sandbox, { paymentIntent: 'AuthorizeWithCapture', amount: '100.00' });
    const partial = await completed(sandbox, { paymentIntent: 'Authorize', amount: '50.00' });
    expect(
      (await call(sandbox, 'POST', `charges/${partial.chargeId}/capture`, { payload: { captureAmount: usd('30.00') } })).status,
    ).toBe(200);
    // Authorized only: no money moved, so no row.
    await completed(sandbox, { paymentIntent: 'Authorize', amount: '40.00' });
    const firstRefund = await refund(sandbox, first.chargeId, '10.00');
    const earlyRefund = await refund(sandbox, early.chargeId, '5.00');
    // Declined by Amazon: nothing is paid back, so no row.
    await refund(sandbox, partial.chargeId, '5.00', 'AmazonRejected');
    sandbox.advance(30);

    sandbox.advance(60);
    const endMs = sandbox.clock.nowMs();
    // Captured exactly at the end: the end is exclusive, as consecutive settlement periods share their boundary.
    await completed(sandbox, { paymentIntent: 'AuthorizeWithCapture', amount: '70.00' });
    // A synthetic benchmark document never adds to the ledger.
    expect((await control(sandbox, 'POST', 'reports/synthetic', { sizeBytes: 10_000 })).status).toBe(201);

    const text = await settlementText(sandbox, startMs, endMs);
    const settlement = await parseSettlementText(text);
    expect(settlement.issues).toEqual([]);
    expect(settlement.metadata).toMatchObject({
      SellerId: 'SANDBOXMERCHANT01',
      SettlementStartDate: settlementDate(startMs),
      SettlementEndDate: settlementDate(endMs),
    });
    const refundPosted = settlementDate(startMs + 30_000);
    expect(
      settlement.rows.map((row) => [
        row.postedDate,
        row.amazonTransactionId,
        row.transactionType,
        row.chargePermissionId ?? row.sellerOrderId,
        row.amount,
        row.percentageFee,
        row.fixedFee,
        row.net,
        row.currency,
      ]),
    ).toEqual([
      // 2.9 % (rounded to the cent) and 0.30 per capture; refunds carry no fee.
      [settlementDate(startMs), first.chargeId, 'Capture', first.chargePermissionId, 10_000, -290, -30, 9680, 'USD'],
      [settlementDate(startMs), partial.chargeId, 'Capture', partial.chargePermissionId, 3000, -87, -30, 2883, 'USD'],
      [refundPosted, firstRefund, 'Refund', first.chargePermissionId, -1000, 0, 0, -1000, 'USD'],
      [refundPosted, earlyRefund, 'Refund', early.chargePermissionId, -500, 0, 0, -500, 'USD'],
    ]);
    expect(new Set(settlement.rows.map((row) => row.settlementId)).size).toBe(1);
  });

  it('is CANCELLED for a period in which nothing was captured or refunded', async () => {
    const sandbox = newSandbox();
    await completed(sandbox, { paymentIntent: 'Authorize', amount: '40.00' });
    const created = await call(sandbox, 'POST', 'reports', {
      payload: { reportType: SETTLEMENT, startTime: ts(START - 3_600_000), endTime: ts(START + 3_600_000) },
    });
    sandbox.advance(10);
    const report = await call(sandbox, 'GET', `reports/${String(created.body['reportId'])}`);
    expect(report.body).toMatchObject({ processingStatus: 'CANCELLED', reportDocumentId: null });
  });
});
