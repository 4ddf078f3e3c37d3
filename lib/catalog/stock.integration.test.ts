import { and, eq, inArray, isNull, sum } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addToCart, loadCart, setLineQuantity } from '@/lib/cart/cart';
import { completeCheckout } from '@/lib/checkout/complete';
import { placeOrder } from '@/lib/checkout/place-order';
import { orders, products, stockReservations } from '@/lib/db/schema';
import { ValidationError } from '@/lib/errors';
import { cancelCharge } from '@/lib/orders/payments/charges';
import { cartWith, completedOrder, placeInput, sessionChosenBy } from '@/test/checkout-fixtures';
import { testDatabaseTargets } from '@/test/databases';
import { storeOnSandbox } from '@/test/store-on-sandbox';
import { OutOfStockError, releaseStock, setStockLevel, stockLevel } from './stock';

const SHOPPER = 'b'.repeat(64);

describe.each(testDatabaseTargets)('stock on $name', (target) => {
  const store = storeOnSandbox(target);

  async function productId(slug: string): Promise<string> {
    const [row] = await store.db.select({ id: products.id }).from(products).where(eq(products.slug, slug));
    return row!.id;
  }

  async function heldFor(orderNumber: string): Promise<number> {
    const [row] = await store.db
      .select({ units: sum(stockReservations.quantity).mapWith(Number) })
      .from(stockReservations)
      .innerJoin(orders, eq(orders.id, stockReservations.orderId))
      .where(and(eq(orders.number, orderNumber), isNull(stockReservations.releasedAt)));
    return row?.units ?? 0;
  }

  it('sells exactly the 10 units there are to 50 shoppers placing their orders at once', async () => {
    const organizer = await productId('walnut-desk-organizer');
    await setStockLevel(store.db, organizer, 10);
    const shoppers = [];
    for (let index = 0; index < 50; index += 1) {
      const cart = await cartWith(store.db, 'walnut-desk-organizer');
      const checkoutSessionId = await sessionChosenBy(store.h, cart, { card: '1111', address: 0 });
      shoppers.push({ checkoutSessionId, input: await placeInput(store.h.client, cart, checkoutSessionId, SHOPPER) });
    }

    const started = performance.now();
    const outcomes = await Promise.allSettled(shoppers.map(({ input }) => placeOrder(store.db, store.h.client, input)));
    const elapsedMs = Math.round(performance.now() - started);

    const succeeded = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
    console.log(
      `stock race on ${target.name}: ${succeeded.length} succeeded, ${refused.length} refused, ${elapsedMs} ms for 50 concurrent placeOrder calls`,
    );
    expect(succeeded).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(OutOfStockError);
      expect((reason as Error).message).toMatch(/^Walnut Desk Organizer is out of stock\./);
    }
    expect(await stockLevel(store.db, organizer)).toBe(0);
    // A refused shopper leaves nothing behind: no order, no reservation.
    const written = await store.db
      .select({ id: orders.id })
      .from(orders)
      .where(
        inArray(
          orders.checkoutSessionId,
          shoppers.map((shopper) => shopper.checkoutSessionId),
        ),
      );
    expect(written).toHaveLength(10);
    const [reserved] = await store.db
      .select({ units: sum(stockReservations.quantity).mapWith(Number) })
      .from(stockReservations)
      .where(eq(stockReservations.productId, organizer));
    expect(reserved?.units).toBe(10);
  });

  it('names the product and how many are left when the cart wants more than there is', async () => {
    const apron = await productId('linen-apron');
    await setStockLevel(store.db, apron, 5);
    const cart = await cartWith(store.db, 'linen-apron');
    await setLineQuantity(store.db, cart.id, cart.lines[0]!.id, 4);
    const checkoutSessionId = await sessionChosenBy(store.h, cart, { card: '1111', address: 0 });
    const input = await placeInput(store.h.client, await loadCart(store.db, cart.id, 'USD'), checkoutSessionId, SHOPPER);
    await setStockLevel(store.db, apron, 2);
    await expect(placeOrder(store.db, store.h.client, input)).rejects.toThrow(
      /^Only 2 left of Stonewashed Linen Apron\. Please change your cart/,
    );
    expect(await stockLevel(store.db, apron)).toBe(2);
    expect(await store.db.select().from(orders).where(eq(orders.checkoutSessionId, checkoutSessionId))).toHaveLength(0);
  });

  it('adjusts the reservation when the shopper places the same checkout again with another quantity', async () => {
    const mug = await productId('enamel-camp-mug');
    await setStockLevel(store.db, mug, 10);
    const cart = await cartWith(store.db, 'enamel-camp-mug', 'brewing-field-guide');
    const checkoutSessionId = await sessionChosenBy(store.h, cart, { card: '1111', address: 0 });
    const placed = await placeOrder(store.db, store.h.client, await placeInput(store.h.client, cart, checkoutSessionId, SHOPPER));
    expect(await stockLevel(store.db, mug)).toBe(9);

    await setLineQuantity(store.db, cart.id, cart.lines[0]!.id, 3);
    const more = await loadCart(store.db, cart.id, 'USD');
    await placeOrder(store.db, store.h.client, await placeInput(store.h.client, more, checkoutSessionId, SHOPPER));
    expect(await stockLevel(store.db, mug)).toBe(7);
    expect(await heldFor(placed.orderNumber)).toBe(3);

    await setLineQuantity(store.db, cart.id, cart.lines[0]!.id, 2);
    const fewer = await loadCart(store.db, cart.id, 'USD');
    await placeOrder(store.db, store.h.client, await placeInput(store.h.client, fewer, checkoutSessionId, SHOPPER));
    expect(await stockLevel(store.db, mug)).toBe(8);
    // The e-book is unlimited: only the mug is held.
    expect(await heldFor(placed.orderNumber)).toBe(2);
  });

  it('gives a declined attempt’s units back exactly once', async () => {
    const throw_ = await productId('wool-throw-blanket');
    await setStockLevel(store.db, throw_, 3);
    const cart = await cartWith(store.db, 'wool-throw-blanket');
    await setLineQuantity(store.db, cart.id, cart.lines[0]!.id, 2);
    const twoThrows = await loadCart(store.db, cart.id, 'USD');
    const checkoutSessionId = await sessionChosenBy(store.h, twoThrows, { card: '3434', address: 0 });
    const placed = await placeOrder(
      store.db,
      store.h.client,
      await placeInput(store.h.client, twoThrows, checkoutSessionId, SHOPPER),
    );
    expect(await stockLevel(store.db, throw_)).toBe(1);

    await store.h.page(placed.redirectUrl);
    const outcome = await completeCheckout(store.db, store.h.client, { checkoutSessionId, shopperTokenHash: SHOPPER });
    expect(outcome).toMatchObject({ kind: 'failed', reasonCode: 'Declined' });
    expect(await stockLevel(store.db, throw_)).toBe(3);

    // The shopper returns again, and a stray second release runs: nothing more comes back.
    await completeCheckout(store.db, store.h.client, { checkoutSessionId, shopperTokenHash: SHOPPER });
    const [order] = await store.db.select().from(orders).where(eq(orders.number, placed.orderNumber));
    expect(await store.db.transaction((tx) => releaseStock(tx, order!.id))).toBe(0);
    expect(await stockLevel(store.db, throw_)).toBe(3);
    expect(await heldFor(placed.orderNumber)).toBe(0);
  });

  it('keeps a pending or paid order’s units reserved', async () => {
    const dripper = await productId('ceramic-pour-over-dripper');
    await setStockLevel(store.db, dripper, 4);
    const cart = await cartWith(store.db, 'ceramic-pour-over-dripper');
    const checkoutSessionId = await sessionChosenBy(store.h, cart, { card: '1111', address: 0 });
    const placed = await placeOrder(store.db, store.h.client, await placeInput(store.h.client, cart, checkoutSessionId, SHOPPER));
    const [order] = await store.db.select().from(orders).where(eq(orders.number, placed.orderNumber));
    expect(await store.db.transaction((tx) => releaseStock(tx, order!.id))).toBe(0);
    await store.h.page(placed.redirectUrl);
    await completeCheckout(store.db, store.h.client, { checkoutSessionId, shopperTokenHash: SHOPPER });
    expect(await store.db.transaction((tx) => releaseStock(tx, order!.id))).toBe(0);
    expect(await stockLevel(store.db, dripper)).toBe(3);
  });

  it('gives the units back when the merchant cancels an authorized charge', async () => {
    const dripper = await productId('ceramic-pour-over-dripper');
    await setStockLevel(store.db, dripper, 6);
    const placed = await completedOrder(store.db, store.h, {
      slugs: ['ceramic-pour-over-dripper'],
      card: '1111',
      shopperTokenHash: SHOPPER,
    });
    expect(await stockLevel(store.db, dripper)).toBe(5);
    const cancel = {
      orderNumber: placed.number,
      chargeId: placed.chargeId,
      actor: 'admin@example.com',
      reason: 'Lost in the warehouse',
    };
    await cancelCharge(store.db, store.h.client, cancel);
    expect(await stockLevel(store.db, dripper)).toBe(6);
    await cancelCharge(store.db, store.h.client, cancel);
    expect(await stockLevel(store.db, dripper)).toBe(6);
  });

  it('refuses to put more in the cart than is in stock', async () => {
    const beans = await productId('single-origin-coffee-beans');
    await setStockLevel(store.db, beans, 2);
    const cart = await cartWith(store.db, 'single-origin-coffee-beans');
    await expect(addToCart(store.db, cart.id, 'single-origin-coffee-beans', 2)).rejects.toThrow(
      new ValidationError('Only 2 left of Single-Origin Coffee Beans.'),
    );
    await expect(setLineQuantity(store.db, cart.id, cart.lines[0]!.id, 3)).rejects.toThrow(/^Only 2 left/);
    await setStockLevel(store.db, beans, 0);
    await expect(addToCart(store.db, cart.id, 'single-origin-coffee-beans', 1)).rejects.toThrow(
      'Single-Origin Coffee Beans is out of stock.',
    );
  });
});
