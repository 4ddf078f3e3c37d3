import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/connection';
import { orders, paymentEvents } from '@/lib/db/schema';
import { testDatabaseTargets } from '@/test/databases';
import { fulfilmentAfter, markOrderDelivered, recordShipment } from './fulfilment';
import { OperationRefusedError } from './payments/operation-errors';

describe('fulfilment transitions', () => {
  it('ships from any status (another parcel), and delivers only what shipped', () => {
    expect(fulfilmentAfter('unfulfilled', 'ship')).toBe('shipped');
    expect(fulfilmentAfter('shipped', 'ship')).toBe('shipped');
    expect(fulfilmentAfter('delivered', 'ship')).toBe('shipped');
    expect(fulfilmentAfter('shipped', 'deliver')).toBe('delivered');
    expect(fulfilmentAfter('delivered', 'deliver')).toBe('delivered');
    expect(() => fulfilmentAfter('unfulfilled', 'deliver')).toThrow(OperationRefusedError);
    expect(() => fulfilmentAfter('unfulfilled', 'deliver')).toThrow('This order has not shipped yet: send its tracking first.');
  });
});

const ORDER = {
  paymentState: 'Captured' as const,
  currency: 'USD' as const,
  subtotalAmount: 5000,
  shippingAmount: 0,
  taxAmount: 0,
  totalAmount: 5000,
};

describe.each(testDatabaseTargets)('marking orders shipped and delivered on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  const insert = async (number: string, values: Partial<typeof orders.$inferInsert> = {}) => {
    const [row] = await handle.db
      .insert(orders)
      .values({ ...ORDER, status: 'paid', placedAt: new Date(), number, ...values })
      .returning();
    return row!;
  };
  const reload = async (id: string) => (await handle.db.select().from(orders).where(eq(orders.id, id)))[0]!;
  const eventsOf = (id: string) => handle.db.select().from(paymentEvents).where(eq(paymentEvents.orderId, id));

  it('records the latest parcel, delivers once, and answers a second press without a second event', async () => {
    const order = await insert('NW-700001');
    expect(order.fulfilmentStatus).toBe('unfulfilled');
    await expect(markOrderDelivered(handle.db, { orderNumber: order.number })).rejects.toThrow(/not shipped yet/);

    await recordShipment(handle.db, order.id, { carrierCode: 'UPS', trackingNumber: '1Z1' });
    await recordShipment(handle.db, order.id, { carrierCode: 'DHL', trackingNumber: 'JD2' });
    expect(await reload(order.id)).toMatchObject({
      fulfilmentStatus: 'shipped',
      shippingCarrier: 'DHL',
      trackingNumber: 'JD2',
      deliveredAt: null,
    });

    const [first, second] = await Promise.all([
      markOrderDelivered(handle.db, { orderNumber: order.number }),
      markOrderDelivered(handle.db, { orderNumber: order.number }),
    ]);
    expect([first.changed, second.changed].sort()).toEqual([false, true]);
    const delivered = await reload(order.id);
    expect(delivered.fulfilmentStatus).toBe('delivered');
    expect(delivered.deliveredAt).toBeInstanceOf(Date);
    expect((await eventsOf(order.id)).map((event) => [event.type, event.detail])).toEqual([
      ['order.fulfilment_changed', { fulfilmentStatus: 'delivered' }],
    ]);
  });

  it('refuses to deliver a declined order or a checkout attempt, even one marked shipped by hand', async () => {
    const declined = await insert('NW-700002', { status: 'declined', fulfilmentStatus: 'shipped' });
    await expect(markOrderDelivered(handle.db, { orderNumber: declined.number })).rejects.toThrow(
      'The payment for this order was declined, so there is nothing to ship.',
    );
    const attempt = await insert('NW-700003', { status: 'pending', placedAt: null, fulfilmentStatus: 'shipped' });
    await expect(markOrderDelivered(handle.db, { orderNumber: attempt.number })).rejects.toThrow(/checkout attempt/);
    expect((await reload(attempt.id)).fulfilmentStatus).toBe('shipped');
  });
});
