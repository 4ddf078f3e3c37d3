import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/connection';
import { orderLines, orders, payments } from '@/lib/db/schema';
import { testDatabaseTargets } from '@/test/databases';
import { loadOrderCsvExtras, orderCsvChunk, orderCsvHeader, orderCsvLine } from './orders-csv';

/** One CSV line as its cells, by column name (no cell here holds a quoted comma). */
function cells(line: string): Record<string, string> {
  const names = orderCsvHeader().trimEnd().split(',');
  const values = line.trimEnd().split(',');
  return Object.fromEntries(names.map((name, index) => [name, values[index] ?? '']));
}

describe('order CSV', () => {
  const row = {
    id: '00000000-0000-4000-8000-000000000001',
    number: 'NW-100001',
    createdAt: new Date('2026-03-01T10:00:00Z'),
    status: 'paid',
    paymentState: 'Captured',
    fulfilment: 'digital',
    fulfilmentStatus: 'unfulfilled',
    shippingCarrier: null,
    trackingNumber: null,
    buyerName: '=cmd|calc',
    buyerEmail: 'say "hi", a@example.com',
    currency: 'JPY',
    subtotalAmount: 1500,
    shippingAmount: 0,
    taxAmount: 120,
    totalAmount: 1620,
    shippingAddress: null,
    checkoutSessionId: 'cs-1',
    chargePermissionId: null,
  } as unknown as typeof orders.$inferSelect;

  it('writes amounts as decimals in the order currency, quotes and guards text cells', () => {
    expect(orderCsvHeader()).toBe(
      'number,created_at,status,payment_state,fulfilment,fulfilment_status,shipping_carrier,tracking_number,buyer_name,buyer_email,currency,subtotal,shipping,tax,total,refunded,items,ship_name,ship_address,ship_city,ship_state,ship_postal_code,ship_country,checkout_session_id,charge_permission_id\r\n',
    );
    expect(orderCsvLine(row)).toBe(
      `NW-100001,2026-03-01T10:00:00.000Z,paid,Captured,digital,unfulfilled,,,'=cmd|calc,"say ""hi"", a@example.com",JPY,1500,0,120,1620,0,,,,,,,,cs-1,\r\n`,
    );
  });

  it('carries the line items, the refunded amount, the parcel and the shipping address, guarded', () => {
    const shipped: typeof orders.$inferSelect = {
      ...row,
      currency: 'USD',
      subtotalAmount: 1999,
      taxAmount: -5,
      totalAmount: 1994,
      buyerName: 'Ann',
      fulfilment: 'physical',
      fulfilmentStatus: 'shipped',
      shippingCarrier: 'UPS',
      trackingNumber: '1Z999',
      shippingAddress: {
        name: '@Ann Lee',
        lines: ['1 Main St', 'Apt 2'],
        city: 'Seattle',
        stateOrRegion: 'WA',
        postalCode: '98101',
        countryCode: 'US',
        phoneNumber: '555',
      },
    };
    const line = orderCsvLine(shipped, {
      lines: [
        { name: 'Mug', quantity: 2, unitPriceAmount: 500, lineTotalAmount: 1000 },
        { name: '=HYPERLINK("x")', quantity: 1, unitPriceAmount: 999, lineTotalAmount: 999 },
      ],
      refundedAmount: 1050,
    });
    expect(line).toContain(',USD,19.99,0.00,-0.05,19.94,10.50,');
    expect(line).toContain(
      `,"2 × Mug @ 5.00 = 10.00; 1 × =HYPERLINK(""x"") @ 9.99 = 9.99",'@Ann Lee,"1 Main St, Apt 2",Seattle,WA,98101,US,`,
    );
    expect(line).toContain(',physical,shipped,UPS,1Z999,Ann,');
    // The phone number is not exported.
    expect(line).not.toContain('555');
  });
});

describe.each(testDatabaseTargets)('order CSV batches on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  it('adds each order its own lines and the refunds of all its charges', async () => {
    const base = { status: 'paid' as const, paymentState: 'Captured' as const, shippingAmount: 0, taxAmount: 0 };
    const [usd, jpy, bare] = await handle.db
      .insert(orders)
      .values([
        { ...base, number: 'NW-800001', currency: 'USD', subtotalAmount: 3000, totalAmount: 3000 },
        { ...base, number: 'NW-800002', currency: 'JPY', subtotalAmount: 1500, totalAmount: 1500 },
        { ...base, number: 'NW-800003', currency: 'USD', subtotalAmount: 0, totalAmount: 0 },
      ])
      .returning();
    const line = (orderId: string, productName: string, unitPriceAmount: number, quantity: number) => ({
      orderId,
      productSlug: productName.toLowerCase(),
      productName,
      kind: 'physical' as const,
      unitPriceAmount,
      quantity,
      lineTotalAmount: unitPriceAmount * quantity,
    });
    await handle.db
      .insert(orderLines)
      .values([line(usd!.id, 'Mug', 1000, 2), line(usd!.id, 'Kettle', 1000, 1), line(jpy!.id, 'Tea', 1500, 1)]);
    const charge = (orderId: string, chargeId: string, capturedAmount: number, refundedAmount: number) => ({
      orderId,
      chargeId,
      chargePermissionId: `P-${orderId}`,
      state: 'Captured',
      currency: 'USD' as const,
      authorizedAmount: capturedAmount,
      capturedAmount,
      refundedAmount,
    });
    await handle.db
      .insert(payments)
      .values([charge(usd!.id, 'C-1', 2000, 500), charge(usd!.id, 'C-2', 1000, 250), charge(jpy!.id, 'C-3', 1500, 0)]);

    const extras = await loadOrderCsvExtras(handle.db, [usd!.id, jpy!.id, bare!.id]);
    expect(extras.get(usd!.id)).toEqual({
      lines: [
        { name: 'Kettle', quantity: 1, unitPriceAmount: 1000, lineTotalAmount: 1000 },
        { name: 'Mug', quantity: 2, unitPriceAmount: 1000, lineTotalAmount: 2000 },
      ],
      refundedAmount: 750,
    });
    expect(extras.get(bare!.id)).toBeUndefined();

    const [usdLine, jpyLine, bareLine] = (await orderCsvChunk(handle.db, [usd!, jpy!, bare!])).split('\r\n');
    expect(cells(usdLine!)).toMatchObject({ number: 'NW-800001', refunded: '7.50' });
    expect(usdLine).toContain('1 × Kettle @ 10.00 = 10.00; 2 × Mug @ 10.00 = 20.00');
    expect(cells(jpyLine!)).toMatchObject({ refunded: '0', items: '1 × Tea @ 1500 = 1500' });
    expect(cells(bareLine!)).toMatchObject({ refunded: '0.00', items: '' });
  });
});
