import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/connection';
import { adminOperations, orders, payments, refunds } from '@/lib/db/schema';
import { money } from '@/lib/money';
import { testDatabaseTargets } from '@/test/databases';
import { findOrderAfterSale } from './after-sale';

const ORDER = {
  status: 'partially_refunded' as const,
  paymentState: 'Captured' as const,
  currency: 'USD' as const,
  subtotalAmount: 5000,
  shippingAmount: 0,
  taxAmount: 0,
  totalAmount: 5000,
};

describe.each(testDatabaseTargets)('an order after it is placed, on $name', (target) => {
  let handle: DatabaseHandle;
  let orderId: string;
  let otherOrderId: string;

  beforeAll(async () => {
    handle = await target.open();
    const [order, other] = await handle.db
      .insert(orders)
      .values([
        { ...ORDER, number: 'NW-500001' },
        { ...ORDER, number: 'NW-500002' },
      ])
      .returning({ id: orders.id });
    orderId = order!.id;
    otherOrderId = other!.id;
    const [payment] = await handle.db
      .insert(payments)
      .values({
        orderId,
        chargeId: 'S01-AFTER-C1',
        chargePermissionId: 'S01-AFTER',
        state: 'Captured',
        currency: 'USD',
        authorizedAmount: 5000,
        capturedAmount: 5000,
        refundedAmount: 1500,
      })
      .returning({ id: payments.id });
    await handle.db.insert(refunds).values([
      {
        paymentId: payment!.id,
        refundId: 'S01-AFTER-R1',
        state: 'Refunded',
        currency: 'USD',
        amount: 1000,
        createdAt: new Date('2026-05-02T10:00:00Z'),
      },
      {
        paymentId: payment!.id,
        refundId: 'S01-AFTER-R2',
        state: 'RefundInitiated',
        currency: 'USD',
        amount: 500,
        createdAt: new Date('2026-05-03T10:00:00Z'),
      },
    ]);
    const tracking = (key: string, status: string, request: unknown, forOrder = orderId) => ({
      idempotencyKey: key,
      orderId: forOrder,
      kind: 'delivery_tracking',
      request,
      status,
      actor: 'admin@example.com',
    });
    await handle.db.insert(adminOperations).values([
      tracking('trk-ok', 'succeeded', {
        chargePermissionId: 'S01-AFTER',
        carrierCode: 'UPS',
        trackingNumber: '1Z999AA10123456784',
      }),
      tracking('trk-failed', 'failed', { chargePermissionId: 'S01-AFTER', carrierCode: 'DHL', trackingNumber: 'WRONG' }),
      tracking('trk-other', 'succeeded', { carrierCode: 'USPS', trackingNumber: '9400' }, otherOrderId),
      { ...tracking('cap-1', 'succeeded', { amount: 5000 }), kind: 'capture' },
    ]);
  });
  afterAll(async () => handle?.close());

  it('lists the order’s refunds with their amounts and the trackers Amazon accepted, with their carrier', async () => {
    const afterSale = await findOrderAfterSale(handle.db, orderId);
    expect(afterSale.refunds).toEqual([
      { refundId: 'S01-AFTER-R1', state: 'Refunded', amount: money(1000, 'USD'), requestedAt: new Date('2026-05-02T10:00:00Z') },
      {
        refundId: 'S01-AFTER-R2',
        state: 'RefundInitiated',
        amount: money(500, 'USD'),
        requestedAt: new Date('2026-05-03T10:00:00Z'),
      },
    ]);
    expect(afterSale.tracking.map(({ carrierCode, trackingNumber }) => [carrierCode, trackingNumber])).toEqual([
      ['UPS', '1Z999AA10123456784'],
    ]);
    expect(afterSale.fulfilment).toEqual({
      status: 'unfulfilled',
      carrierCode: null,
      trackingNumber: null,
      shippedAt: null,
      deliveredAt: null,
    });
  });

  it('shows nothing of another order', async () => {
    const afterSale = await findOrderAfterSale(handle.db, otherOrderId);
    expect(afterSale.refunds).toEqual([]);
    expect(afterSale.tracking.map((parcel) => parcel.carrierCode)).toEqual(['USPS']);
  });
});
