import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders, paymentEvents, payments, refunds } from '@/lib/db/schema';
import type { DatabaseHandle } from '@/lib/db/connection';
import { testDatabaseTargets } from '@/test/databases';
import { loadSettlementBooks, settlementPeriod } from './books';
import { reconcile } from './reconcile';
import type { SettlementRow } from './settlement';

const START = new Date('2026-01-15T00:00:00Z');
const END = new Date('2026-01-16T00:00:00Z');
const at = (iso: string) => new Date(`2026-01-${iso}Z`);

describe.each(testDatabaseTargets)('loadSettlementBooks on $name', (target) => {
  let handle: DatabaseHandle;

  async function order(number: string, capturedAt: Date | null, options: { captured?: number; eventless?: Date } = {}) {
    const captured = options.captured ?? 10_000;
    const [row] = await handle.db
      .insert(orders)
      .values({
        number,
        status: 'paid',
        paymentState: 'Captured',
        currency: 'USD',
        subtotalAmount: captured,
        shippingAmount: 0,
        taxAmount: 0,
        totalAmount: captured,
        chargePermissionId: `P01-${number}`,
      })
      .returning();
    const [payment] = await handle.db
      .insert(payments)
      .values({
        orderId: row!.id,
        chargeId: `P01-${number}-C1`,
        chargePermissionId: `P01-${number}`,
        state: 'Captured',
        currency: 'USD',
        authorizedAmount: captured,
        capturedAmount: captured,
        ...(options.eventless && { updatedAt: options.eventless }),
      })
      .returning();
    if (capturedAt) {
      await handle.db.insert(paymentEvents).values([
        {
          orderId: row!.id,
          type: 'charge.state',
          actor: 'amazon',
          amazonObjectId: payment!.chargeId,
          detail: { state: 'Authorized' },
          createdAt: new Date(capturedAt.getTime() - 60_000),
        },
        {
          orderId: row!.id,
          type: 'charge.state',
          actor: 'amazon',
          amazonObjectId: payment!.chargeId,
          detail: { state: 'Captured' },
          createdAt: capturedAt,
        },
        // A later event (a refund changes the charge's totals) must not move the capture time.
        {
          orderId: row!.id,
          type: 'charge.state',
          actor: 'amazon',
          amazonObjectId: payment!.chargeId,
          detail: { state: 'Captured', refunded: 1 },
          createdAt: at('20T00:00:00'),
        },
      ]);
    }
    return { orderId: row!.id, paymentId: payment!.id, chargeId: payment!.chargeId };
  }

  async function refund(
    ids: { orderId: string; paymentId: string },
    refundId: string,
    amount: number,
    state: string,
    refundedAt: Date,
  ) {
    await handle.db.insert(refunds).values({ paymentId: ids.paymentId, refundId, state, currency: 'USD', amount });
    await handle.db.insert(paymentEvents).values({
      orderId: ids.orderId,
      type: 'refund.state',
      actor: 'amazon',
      amazonObjectId: refundId,
      detail: { state },
      createdAt: refundedAt,
    });
  }

  beforeAll(async () => {
    handle = await target.open();
    const a = await order('NW-900001', at('15T10:00:00'));
    await refund(a, 'P01-NW-900001-R1', 1_000, 'Refunded', at('15T12:00:00'));
    await refund(a, 'P01-NW-900001-R2', 500, 'RefundInitiated', at('15T13:00:00'));
    const b = await order('NW-900002', at('14T10:00:00'));
    await refund(b, 'P01-NW-900002-R1', 2_000, 'Refunded', at('15T09:00:00'));
    await order('NW-900003', at('16T00:00:00'));
    await order('NW-900004', null, { eventless: at('15T20:00:00') });
  });
  afterAll(async () => handle?.close());

  it('takes captures and completed refunds whose time falls in [start, end)', async () => {
    const books = await loadSettlementBooks(handle.db, { start: START, end: END });
    expect(books).toEqual([
      {
        orderNumber: 'NW-900001',
        chargeId: 'P01-NW-900001-C1',
        chargePermissionId: 'P01-NW-900001',
        currency: 'USD',
        capturedAmount: 10_000,
        refundIds: ['P01-NW-900001-R1'],
        refunds: [{ refundId: 'P01-NW-900001-R1', amount: 1_000 }],
      },
      // Captured the day before: only its refund belongs to this settlement.
      {
        orderNumber: 'NW-900002',
        chargeId: null,
        chargePermissionId: 'P01-NW-900002',
        currency: 'USD',
        capturedAmount: 0,
        refundIds: ['P01-NW-900002-R1'],
        refunds: [{ refundId: 'P01-NW-900002-R1', amount: 2_000 }],
      },
      // No Captured event: the payment's last update stands in.
      {
        orderNumber: 'NW-900004',
        chargeId: 'P01-NW-900004-C1',
        chargePermissionId: 'P01-NW-900004',
        currency: 'USD',
        capturedAmount: 10_000,
        refundIds: [],
        refunds: [],
      },
    ]);
  });

  it('feeds reconcile: matching rows balance, a missing capture is reported', async () => {
    const books = await loadSettlementBooks(handle.db, { start: START, end: END });
    const row = (line: number, id: string, type: string, amount: number): SettlementRow => ({
      line,
      amazonTransactionId: id,
      transactionType: type,
      sellerReferenceId: null,
      sellerOrderId: null,
      chargePermissionId: null,
      settlementId: '1',
      postedDate: null,
      currency: 'USD',
      amount,
      fees: 0,
      percentageFee: null,
      fixedFee: null,
      net: amount,
      description: null,
      extra: {},
    });
    const result = reconcile(
      [
        row(7, 'P01-NW-900001-C1', 'Capture', 10_000),
        row(8, 'P01-NW-900001-R1', 'Refund', -1_000),
        row(9, 'P01-NW-900002-R1', 'Refund', -2_000),
      ],
      books,
    );
    expect(result.matched).toHaveLength(3);
    expect(result.notInReport.map((entry) => entry.transactionId)).toEqual(['P01-NW-900004-C1']);
    expect(result.balanced).toBe(false);
  });
});

describe('settlementPeriod', () => {
  it("reads the preamble's dates with their offset, else the report's period", () => {
    expect(
      settlementPeriod(
        { SettlementStartDate: '2015-05-18T14:37:01-0700', SettlementEndDate: '2015-05-19T14:37:01+0000' },
        { start: null, end: null },
      ),
    ).toEqual({
      start: new Date('2015-05-18T21:37:01Z'),
      end: new Date('2015-05-19T14:37:01Z'),
    });
    expect(settlementPeriod({}, { start: START, end: END })).toEqual({ start: START, end: END });
    expect(settlementPeriod({ SettlementStartDate: 'garbage' }, { start: null, end: END })).toBeNull();
  });
});
