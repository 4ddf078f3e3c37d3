import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/connection';
import { orders } from '@/lib/db/schema';
import { createHarness, type Harness } from '@/test/sandbox-harness';
import { testDatabaseTargets } from '@/test/databases';
import { placeTestOrder } from '@/test/payment-operations';
import { loadAdminOrderView } from './order-view';

describe.each(testDatabaseTargets)('the admin order view on $name', (target) => {
  let handle: DatabaseHandle;
  let h: Harness;

  beforeAll(async () => {
    handle = await target.open();
    h = await createHarness();
  });
  afterAll(async () => handle?.close());

  it('shows a subscription’s next billing period, its amount and whether it is due yet', async () => {
    const placed = await placeTestOrder(handle.db, h, [
      { slug: 'monthly-coffee-club', kind: 'subscription', unitPrice: 2400, quantity: 1 },
    ]);
    await handle.db
      .update(orders)
      .set({ placedAt: new Date(Date.UTC(2026, 0, 31, 15)), shippingMethod: 'express', shippingAddress: { countryCode: 'US' } })
      .where(eq(orders.id, placed.orderId));
    const before = await loadAdminOrderView(handle.db, h.client, placed.number, new Date(Date.UTC(2026, 1, 27, 12)));
    // 24.00 + express 14.95, then 7.25% tax on 38.95 (2.8239).
    expect(before?.renewal).toEqual({
      period: 2,
      dueAt: '2026-02-28T00:00:00.000Z',
      dueOn: 'February 28, 2026',
      amount: 2400 + 1495 + 282,
      due: false,
    });
    const onTheDay = await loadAdminOrderView(handle.db, h.client, placed.number, new Date(Date.UTC(2026, 1, 28, 0)));
    expect(onTheDay?.renewal?.due).toBe(true);
  });

  it('shows no renewal for a one-time order', async () => {
    const placed = await placeTestOrder(handle.db, h, [
      { slug: 'enamel-camp-mug', kind: 'physical', unitPrice: 2200, quantity: 1 },
    ]);
    expect((await loadAdminOrderView(handle.db, h.client, placed.number))?.renewal).toBeNull();
  });
});
