import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/connection';
import { orders } from '@/lib/db/schema';
import { testDatabaseTargets } from '@/test/databases';
import { isShopperHistoryOrder, orderProgress } from './progress';
import { findPlacedOrderNumberForCheckout, listOrdersForBuyer } from './queries';

const BUYER = 'amzn1.account.HISTORY';
const PLACED = new Date('2026-05-01T10:00:00Z');
const AMOUNTS = {
  paymentState: 'none' as const,
  currency: 'USD' as const,
  subtotalAmount: 1000,
  shippingAmount: 0,
  taxAmount: 0,
  totalAmount: 1000,
};

/** One order per state the history must tell apart, each with the number it is listed under. */
const CASES: Array<{ number: string; listed: boolean } & Partial<typeof orders.$inferInsert>> = [
  { number: 'NW-400001', listed: true, status: 'paid', placedAt: PLACED },
  { number: 'NW-400002', listed: true, status: 'authorized', placedAt: PLACED },
  { number: 'NW-400003', listed: true, status: 'refunded', placedAt: PLACED },
  // Placed, then canceled by the merchant: still an order.
  { number: 'NW-400004', listed: true, status: 'canceled', placedAt: PLACED },
  { number: 'NW-400005', listed: true, status: 'payment_processing', chargePermissionId: 'S01-1' },
  { number: 'NW-400006', listed: true, status: 'pending', completionRequestedAt: PLACED },
  // Declined, or canceled on Amazon, before any money was held: attempts.
  { number: 'NW-400007', listed: false, status: 'declined', chargePermissionId: 'S01-2', lastReasonCode: 'HardDeclined' },
  { number: 'NW-400008', listed: false, status: 'canceled', lastReasonCode: 'BuyerCanceled' },
  // The shopper went to Amazon and never came back.
  { number: 'NW-400009', listed: false, status: 'pending' },
];

describe.each(testDatabaseTargets)('shopper order history on $name', (target) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await target.open();
    await handle.db.insert(orders).values(
      CASES.map(({ listed: _listed, ...row }, index) => ({
        ...AMOUNTS,
        buyerId: BUYER,
        createdAt: new Date(PLACED.getTime() + index * 60_000),
        status: 'pending' as const,
        ...row,
      })),
    );
    // Someone else's placed order never shows.
    await handle.db.insert(orders).values({
      number: 'NW-400010',
      status: 'paid',
      placedAt: PLACED,
      paymentState: 'Captured',
      currency: 'USD',
      subtotalAmount: 1000,
      shippingAmount: 0,
      taxAmount: 0,
      totalAmount: 1000,
      buyerId: 'amzn1.account.SOMEONE-ELSE',
    });
  });
  afterAll(async () => handle?.close());

  it('lists placed orders and payments being confirmed, never checkout attempts, newest first', async () => {
    const history = await listOrdersForBuyer(handle.db, BUYER);
    const expected = CASES.filter((entry) => entry.listed)
      .map((entry) => entry.number)
      .reverse();
    expect(history.map((entry) => entry.number)).toEqual(expected);
    expect(history.find((entry) => entry.number === 'NW-400006')?.statusLabel).toBe('Confirming payment');
    expect(history.find((entry) => entry.number === 'NW-400004')?.statusLabel).toBe('Canceled');
  });

  it('agrees with the order page on which orders are orders', async () => {
    const rows = await handle.db.select().from(orders);
    for (const row of rows.filter((candidate) => candidate.buyerId === BUYER)) {
      const listed = CASES.find((entry) => entry.number === row.number)?.listed;
      expect(isShopperHistoryOrder(orderProgress(row)), row.number).toBe(listed);
    }
  });

  it("finds the order this browser placed from a checkout session, never an attempt or another browser's", async () => {
    const browser = 'a'.repeat(64);
    const other = 'b'.repeat(64);
    const base = AMOUNTS;
    await handle.db.insert(orders).values([
      {
        ...base,
        number: 'NW-400020',
        checkoutSessionId: 'S01-PLACED',
        browserTokenHash: browser,
        status: 'authorized',
        placedAt: PLACED,
      },
      { ...base, number: 'NW-400021', checkoutSessionId: 'S01-ATTEMPT', browserTokenHash: browser, status: 'pending' },
      { ...base, number: 'NW-400022', checkoutSessionId: 'S01-OTHER', browserTokenHash: other, status: 'paid', placedAt: PLACED },
    ]);
    expect(await findPlacedOrderNumberForCheckout(handle.db, 'S01-PLACED', browser)).toBe('NW-400020');
    expect(await findPlacedOrderNumberForCheckout(handle.db, 'S01-ATTEMPT', browser)).toBeNull();
    expect(await findPlacedOrderNumberForCheckout(handle.db, 'S01-OTHER', browser)).toBeNull();
    expect(await findPlacedOrderNumberForCheckout(handle.db, 'S01-UNKNOWN', browser)).toBeNull();
  });
});
