import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCart, loadCart } from '@/lib/cart/cart';
import { seedCatalog } from '@/lib/catalog/seed';
import type { DatabaseHandle } from '@/lib/db/connection';
import { products } from '@/lib/db/schema';
import { ValidationError } from '@/lib/errors';
import { completedOrder } from '@/test/checkout-fixtures';
import { testDatabaseTargets } from '@/test/databases';
import { createHarness, type Harness } from '@/test/sandbox-harness';
import { CHECK_AGAIN_RULE, checkOrderAgain, TooManyChecksError } from './check-again';
import { restoreOrderLines } from './pay-again';
import { isProgressFinal, orderProgress } from './progress';
import { findOrderByNumber } from './queries';

const SHOPPER = 'd'.repeat(64);
/** The sandbox's Amex ending 4354: pending, then HardDeclined after the sandbox's pending delay. */
const PENDING_THEN_DECLINED = '4354';

describe.each(testDatabaseTargets)('a pending-then-declined order for the shopper on $name', (target) => {
  let handle: DatabaseHandle;
  let h: Harness;

  beforeAll(async () => {
    handle = await target.open();
    await seedCatalog(handle.db, 'USD');
    h = await createHarness();
  });
  afterAll(async () => handle?.close());

  const orderNamed = async (number: string) => (await findOrderByNumber(handle.db, number))!;

  it('is confirming, then declined without ever being placed, and pays again from the lines at today’s prices', async () => {
    const { number } = await completedOrder(handle.db, h, {
      slugs: ['walnut-desk-organizer', 'enamel-camp-mug', 'linen-apron'],
      card: PENDING_THEN_DECLINED,
      shopperTokenHash: SHOPPER,
    });
    const pending = await orderNamed(number);
    expect(pending.status).toBe('payment_processing');
    expect(orderProgress(pending)).toEqual({ kind: 'confirming' });
    expect(isProgressFinal(orderProgress(pending))).toBe(false);

    h.sandbox.advance(60);
    await checkOrderAgain(handle.db, h.client, pending.id, new Date());
    const declined = await orderNamed(number);
    expect(declined).toMatchObject({ status: 'declined', placedAt: null, lastReasonCode: 'HardDeclined' });
    expect(orderProgress(declined)).toEqual({ kind: 'declined', reasonCode: 'HardDeclined' });

    // Since the order: the organizer costs more and the apron is no longer sold.
    await handle.db.update(products).set({ priceAmount: 7000 }).where(eq(products.slug, 'walnut-desk-organizer'));
    await handle.db.update(products).set({ active: false }).where(eq(products.slug, 'linen-apron'));
    const cartId = await createCart(handle.db, 'USD');
    const restored = await restoreOrderLines(handle.db, cartId, declined);
    expect(restored).toEqual({ restored: 2, unavailable: ['Stonewashed Linen Apron'] });
    // Twice is the same as once.
    await restoreOrderLines(handle.db, cartId, declined);
    const cart = await loadCart(handle.db, cartId, 'USD');
    expect(cart.lines.map((line) => [line.product.slug, line.quantity, line.product.price.amount])).toEqual(
      expect.arrayContaining([
        ['walnut-desk-organizer', 1, 7000],
        ['enamel-camp-mug', 1, expect.any(Number)],
      ]),
    );
    expect(cart.lines).toHaveLength(2);
  });

  it('refuses to pay again for an order whose payment went through', async () => {
    const { number } = await completedOrder(handle.db, h, {
      slugs: ['enamel-camp-mug'],
      card: '1111',
      shopperTokenHash: SHOPPER,
    });
    const placed = await orderNamed(number);
    expect(orderProgress(placed)).toEqual({ kind: 'placed' });
    await expect(restoreOrderLines(handle.db, await createCart(handle.db, 'USD'), placed)).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('limits how often the shopper can make us ask Amazon again about one order', async () => {
    const { number } = await completedOrder(handle.db, h, {
      slugs: ['enamel-camp-mug'],
      card: '1111',
      shopperTokenHash: SHOPPER,
    });
    const { id } = await orderNamed(number);
    const now = new Date();
    for (let check = 0; check < CHECK_AGAIN_RULE.limit; check += 1) await checkOrderAgain(handle.db, h.client, id, now);
    await expect(checkOrderAgain(handle.db, h.client, id, now)).rejects.toBeInstanceOf(TooManyChecksError);
    const later = new Date(now.getTime() + CHECK_AGAIN_RULE.windowSeconds * 1000 + 1);
    await expect(checkOrderAgain(handle.db, h.client, id, later)).resolves.toBeUndefined();
  });
});
