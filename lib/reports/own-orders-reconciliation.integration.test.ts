import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { AmazonPayClient } from '@/lib/amazon-pay';
import { formatAmazonTimestamp } from '@/lib/amazon-pay/signing';
import type { Database } from '@/lib/db/connection';
import { payments, refunds } from '@/lib/db/schema';
import { captureCharge, refreshOrderFromAmazon, refundCharge } from '@/lib/orders/payments/operations';
import { completedOrder } from '@/test/checkout-fixtures';
import { testDatabaseTargets } from '@/test/databases';
import { storeOnSandbox } from '@/test/store-on-sandbox';
import { SANDBOX_SETTLEMENT_REPORT_TYPE } from './report-types';

const { current } = vi.hoisted(() => ({ current: { db: null as Database | null, client: null as AmazonPayClient | null } }));
vi.mock('@/lib/db', () => ({ getDb: async () => current.db }));
vi.mock('@/lib/amazon-pay/server', () => ({ getAmazonPay: () => current.client }));

const { reconcileSettlementReport } = await import('./settlement-reconciliation');
afterAll(() => vi.unstubAllGlobals());

const actor = 'admin@example.com';
const SECOND = 1000;
const wholeSecond = (ms: number) => Math.floor(ms / SECOND) * SECOND;

/**
 * The offline loop an admin runs before going live: the store takes orders on the emulator, asks it for a sandbox
 * settlement report of the period, and reconciles that report with its own books. Every row must match.
 */
describe.each(testDatabaseTargets)('reconciling a sandbox settlement report of the store’s own orders on $name', (target) => {
  // On real time: the books date captures and refunds by the database's clock, the report by the emulator's.
  const store = storeOnSandbox(target, { realClock: true });

  async function order(card = '1111') {
    return completedOrder(store.db, store.h, { slugs: ['enamel-camp-mug'], card, shopperTokenHash: 'e'.repeat(64) });
  }
  const paymentOf = async (chargeId: string) =>
    (await store.db.select().from(payments).where(eq(payments.chargeId, chargeId)))[0]!;
  const decimal = (minor: number) => (minor / 100).toFixed(2);

  it('matches every capture and refund, and nothing is left over on either side', async () => {
    current.db = store.db;
    current.client = store.h.client;
    // The document's pre-signed URL points at the in-process emulator.
    vi.stubGlobal('fetch', store.h.sandbox.fetch);
    const startMs = wholeSecond(Date.now()) - SECOND;

    const refunded = await order();
    const authorized = (await paymentOf(refunded.chargeId)).authorizedAmount;
    await captureCharge(store.db, store.h.client, {
      orderNumber: refunded.number,
      chargeId: refunded.chargeId,
      amount: decimal(authorized),
      actor,
    });
    const refund = await refundCharge(store.db, store.h.client, {
      orderNumber: refunded.number,
      chargeId: refunded.chargeId,
      amount: '5.00',
      actor,
    });
    const partlyCaptured = await order();
    await captureCharge(store.db, store.h.client, {
      orderNumber: partlyCaptured.number,
      chargeId: partlyCaptured.chargeId,
      amount: '7.50',
      actor,
    });
    // Authorized, never captured: no money moved, so neither side has it.
    await order();

    // Amazon settles the refund after 30 s; the store learns of it as it would from the IPN.
    store.h.sandbox.advance(60);
    await refreshOrderFromAmazon(store.db, store.h.client, refunded.number);
    const [refundRow] = await store.db
      .select()
      .from(refunds)
      .where(eq(refunds.refundId, refund.amazonObjectId ?? ''));
    expect(refundRow?.state).toBe('Refunded');

    // The emulator runs ahead of real time by what it was advanced; the period ends after both clocks.
    const endMs = wholeSecond(store.h.sandbox.clock.nowMs()) + SECOND;
    const { reportId } = await store.h.client.createReport({
      reportType: SANDBOX_SETTLEMENT_REPORT_TYPE,
      startTime: formatAmazonTimestamp(new Date(startMs)),
      endTime: formatAmazonTimestamp(new Date(endMs)),
    });
    store.h.sandbox.advance(10);

    const { result, issues, period } = await reconcileSettlementReport(reportId);
    expect(issues).toEqual([]);
    expect([period.start.getTime(), period.end.getTime()]).toEqual([startMs, endMs]);
    expect({
      notInBooks: result.notInBooks,
      notInReport: result.notInReport,
      amountDifferences: result.amountDifferences,
      currencyMismatches: result.currencyMismatches,
      duplicates: result.duplicates,
    }).toEqual({ notInBooks: [], notInReport: [], amountDifferences: [], currencyMismatches: [], duplicates: [] });
    expect(
      result.matched.map((pair) => [pair.entry.orderNumber, pair.entry.kind, pair.row.amazonTransactionId, pair.row.amount]),
    ).toEqual([
      [refunded.number, 'capture', refunded.chargeId, authorized],
      [partlyCaptured.number, 'capture', partlyCaptured.chargeId, 750],
      [refunded.number, 'refund', refund.amazonObjectId, -500],
    ]);
    expect(result.matched.every((pair) => pair.matchedBy === 'transaction-id')).toBe(true);
    expect(result.balanced).toBe(true);
  });
});
