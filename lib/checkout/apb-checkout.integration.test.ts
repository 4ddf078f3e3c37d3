import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addToCart, loadCart, type Cart } from '@/lib/cart/cart';
import { setStockLevel } from '@/lib/catalog/stock';
import { orders, paymentEvents, payments, stockReservations } from '@/lib/db/schema';
import { NotFoundError } from '@/lib/errors';
import { finishOrder } from '@/lib/orders/payments/finish';
import { cartWith as fixtureCart, placeInput, sessionChosenBy, SHIP_TO } from '@/test/checkout-fixtures';
import { testDatabaseTargets } from '@/test/databases';
import type { Harness } from '@/test/sandbox-harness';
import { storeOnSandbox } from '@/test/store-on-sandbox';
import { addressDetailsOf } from './apb-address';
import { placeAddressOrder, quoteAddressCheckout } from './apb-checkout';
import { AddressCheckoutMismatchError, addressResultUrl, linkAddressCheckout } from './apb-return';
import { buildProcessOrderPayload, paymentIntentFor } from './button-payload';
import { completeCheckout } from './complete';
import { CheckoutChangedError, placeOrder } from './place-order';
import type { ShippingAddress } from './types';

const SHOPPER = 'c'.repeat(64);
const ORIGIN = 'https://shop.test';
const HOME: ShippingAddress = {
  name: 'Ada Lovelace',
  lines: ['12 Analytical Way', 'Unit 3'],
  city: 'Portland',
  stateOrRegion: 'OR',
  postalCode: '97201',
  countryCode: 'US',
  phoneNumber: '+1 503 555 0100',
};
const NORTH: ShippingAddress = { ...HOME, city: 'Toronto', stateOrRegion: 'ON', postalCode: 'M5V 2T6', countryCode: 'CA' };

/** The button's click as the shopper sees it: the totals for this address, then the order written for them. */
async function clickButton(db: Parameters<typeof placeAddressOrder>[0], cart: Cart, address: ShippingAddress) {
  const quote = quoteAddressCheckout(cart, address, { shippingMethod: 'standard', shipToCountries: SHIP_TO });
  const order = await placeAddressOrder(db, {
    cart,
    address,
    shippingMethod: 'standard',
    shipToCountries: SHIP_TO,
    shopperTokenHash: SHOPPER,
    confirmedSnapshot: quote.snapshot,
  });
  return { quote, order };
}

/** checkout.js with the signed ProcessOrder payload, then the buyer paying on Amazon's page. Returns the session id. */
async function payOnAmazon(h: Harness, order: Awaited<ReturnType<typeof clickButton>>['order']): Promise<string> {
  const payload = buildProcessOrderPayload({
    storeId: 'amzn1.application-oa2-client.test',
    storeName: 'Test Store',
    resultUrl: addressResultUrl(ORIGIN, order.number, SHOPPER),
    cancelUrl: `${ORIGIN}/cart?payment=BuyerCanceled`,
    orderNumber: order.number,
    paymentIntent: paymentIntentFor(order.fulfilment),
    total: { amount: order.totalAmount, currency: order.currency },
    addressDetails: addressDetailsOf(order.shippingAddress as ShippingAddress),
  });
  const config = await h.client.generateButtonConfig(payload);
  const json = (body: unknown) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const start = await h.page(
    '/checkout/start',
    json({ kind: 'checkout', merchantId: 'M1', ledgerCurrency: 'USD', productType: 'PayAndShip', config }),
  );
  expect(start.status).toBe(200);
  const id = new URL(((await start.json()) as { redirectUrl: string }).redirectUrl).searchParams.get('amazonCheckoutSessionId')!;
  expect((await h.page('/checkout/signin', form({ amazonCheckoutSessionId: id, buyer: 'jane' }))).status).toBe(303);
  const paid = await h.page('/checkout/select', form({ amazonCheckoutSessionId: id, buyer: 'jane', card: 'jane-visa-1111' }));
  expect(paid.status).toBe(303);
  const back = new URL(paid.headers.get('location') ?? '');
  expect(`${back.origin}${back.pathname}`).toBe(`${ORIGIN}/checkout/result`);
  expect(back.searchParams.get('order')).toBe(order.number);
  expect(back.searchParams.get('amazonCheckoutSessionId')).toBe(id);
  return id;
}

describe.each(testDatabaseTargets)('checkout with the shopper’s address against the sandbox on $name', (target) => {
  const store = storeOnSandbox(target);
  const cartWith = (...slugs: string[]) => fixtureCart(store.db, ...slugs);
  const orderRow = async (id: string) => (await store.db.select().from(orders).where(eq(orders.id, id)))[0]!;
  const held = async (orderId: string) =>
    store.db
      .select()
      .from(stockReservations)
      .where(and(eq(stockReservations.orderId, orderId), isNull(stockReservations.releasedAt)));

  it('writes the order before Amazon, charges the shown total to the entered address, once however often', async () => {
    const cart = await cartWith('enamel-camp-mug', 'brewing-field-guide');
    const [first, second] = await Promise.all([clickButton(store.db, cart, HOME), clickButton(store.db, cart, HOME)]);
    // A double click finds the same order.
    expect(second.order.id).toBe(first.order.id);
    const { quote, order } = first;
    // $22.00 + $12.00 goods, $5.95 shipping, then 7.25% US tax: $2.90.
    expect(quote.totals.total).toEqual({ amount: 4285, currency: 'USD' });
    const written = await orderRow(order.id);
    expect(written).toMatchObject({
      status: 'pending',
      checkoutSessionId: null,
      totalAmount: 4285,
      shippingAddress: HOME,
      browserTokenHash: SHOPPER,
    });
    expect((await held(order.id)).map((row) => row.quantity)).toEqual([1]);
    // Before the shopper is back, a resync finds nothing to do yet and leaves the order be.
    await finishOrder(store.db, store.h.client, order.id);
    expect((await orderRow(order.id)).status).toBe('pending');

    const checkoutSessionId = await payOnAmazon(store.h, written);
    const session = await store.h.client.getCheckoutSession(checkoutSessionId);
    expect(session.paymentDetails?.chargeAmount).toMatchObject({ amount: '42.85', currencyCode: 'USD' });
    expect(session.shippingAddress).toMatchObject({ addressLine1: '12 Analytical Way', city: 'Portland', countryCode: 'US' });

    const link = () =>
      linkAddressCheckout(store.db, store.h.client, { orderNumber: order.number, checkoutSessionId, shopperTokenHash: SHOPPER });
    // A refresh, or a second tab, returning with the same session at once.
    await Promise.all([link(), link()]);
    await link();
    const outcomes = await Promise.all(
      Array.from({ length: 3 }, () =>
        completeCheckout(store.db, store.h.client, { checkoutSessionId, shopperTokenHash: SHOPPER }),
      ),
    );
    expect(new Set(outcomes.map((outcome) => JSON.stringify(outcome)))).toEqual(
      new Set([JSON.stringify({ kind: 'placed', orderNumber: order.number, status: 'authorized' })]),
    );
    const placed = await orderRow(order.id);
    expect(placed).toMatchObject({ checkoutSessionId, buyerName: 'Jane Doe', shippingAddress: HOME, totalAmount: 4285 });
    const charges = await store.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(charges).toHaveLength(1);
    expect(charges[0]).toMatchObject({ state: 'Authorized', authorizedAmount: 4285 });
    const events = await store.db.select().from(paymentEvents).where(eq(paymentEvents.orderId, order.id));
    expect(events.filter((event) => event.type === 'checkout.returned')).toHaveLength(1);
    expect(events.filter((event) => event.type === 'checkout.session_linked')).toHaveLength(1);
    expect(events.filter((event) => event.type === 'checkout.completed')).toHaveLength(1);
    expect((await loadCart(store.db, cart.id, 'USD')).lines).toHaveLength(0);
    expect(await store.db.select().from(orders).where(eq(orders.cartId, cart.id))).toHaveLength(1);
  });

  it('refuses a return from another browser, or with a session signed for another order', async () => {
    const cart = await cartWith('linen-apron');
    const { order } = await clickButton(store.db, cart, HOME);
    const checkoutSessionId = await payOnAmazon(store.h, order);
    await expect(
      linkAddressCheckout(store.db, store.h.client, {
        orderNumber: order.number,
        checkoutSessionId,
        shopperTokenHash: 'd'.repeat(64),
      }),
    ).rejects.toThrow(NotFoundError);

    const other = await clickButton(store.db, await cartWith('linen-apron'), HOME);
    await expect(
      linkAddressCheckout(store.db, store.h.client, {
        orderNumber: other.order.number,
        checkoutSessionId,
        shopperTokenHash: SHOPPER,
      }),
    ).rejects.toThrow(AddressCheckoutMismatchError);
    expect((await orderRow(other.order.id)).checkoutSessionId).toBeNull();
    expect((await orderRow(order.id)).checkoutSessionId).toBeNull();
  });

  it('charges nothing for a session whose address or total the order no longer holds', async () => {
    const cart = await cartWith('walnut-desk-organizer');
    const before = await clickButton(store.db, cart, HOME);
    const stale = await payOnAmazon(store.h, before.order);
    // A second tab changes the address (and so the total) before the first is back from Amazon.
    const after = await clickButton(store.db, cart, NORTH);
    expect(after.order.id).toBe(before.order.id);
    expect(after.order.totalAmount).not.toBe(before.order.totalAmount);
    await expect(
      linkAddressCheckout(store.db, store.h.client, {
        orderNumber: before.order.number,
        checkoutSessionId: stale,
        shopperTokenHash: SHOPPER,
      }),
    ).rejects.toThrow(AddressCheckoutMismatchError);
    const session = await store.h.client.getCheckoutSession(stale);
    expect(session.statusDetails.state).toBe('Open');
    expect(session.chargeId ?? null).toBeNull();
    expect(await orderRow(before.order.id)).toMatchObject({ status: 'pending', checkoutSessionId: null, shippingAddress: NORTH });
  });

  it('writes nothing when the cart changed after the totals were shown', async () => {
    const cart = await cartWith('enamel-camp-mug');
    const shown = quoteAddressCheckout(cart, HOME, { shippingMethod: 'standard', shipToCountries: SHIP_TO });
    await addToCart(store.db, cart.id, 'enamel-camp-mug', 1);
    const changed = await loadCart(store.db, cart.id, 'USD');
    const refusal = placeAddressOrder(store.db, {
      cart: changed,
      address: HOME,
      shippingMethod: 'standard',
      shipToCountries: SHIP_TO,
      shopperTokenHash: SHOPPER,
      confirmedSnapshot: shown.snapshot,
    });
    await expect(refusal).rejects.toThrow(CheckoutChangedError);
    await expect(refusal).rejects.toThrow('the total is now $53.57 instead of $29.98');
    expect(await store.db.select().from(orders).where(eq(orders.cartId, cart.id))).toEqual([]);
  });

  it('finishes from the database a return whose question to Amazon went unanswered', async () => {
    const cart = await cartWith('ceramic-pour-over-dripper');
    const { order } = await clickButton(store.db, cart, HOME);
    const checkoutSessionId = await payOnAmazon(store.h, order);
    const unreachable = store.h.clientWith({
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(
      linkAddressCheckout(store.db, unreachable, { orderNumber: order.number, checkoutSessionId, shopperTokenHash: SHOPPER }),
    ).rejects.toThrow();
    expect((await orderRow(order.id)).checkoutSessionId).toBeNull();

    // The scheduled resync: the recorded return ties the session to the order, which is completed for the shopper.
    await finishOrder(store.db, store.h.client, order.id);
    expect(await orderRow(order.id)).toMatchObject({ status: 'authorized', checkoutSessionId, totalAmount: order.totalAmount });
    expect(await store.db.select().from(payments).where(eq(payments.orderId, order.id))).toHaveLength(1);
    // The shopper's own retry of the return URL then finds the order placed.
    await linkAddressCheckout(store.db, store.h.client, {
      orderNumber: order.number,
      checkoutSessionId,
      shopperTokenHash: SHOPPER,
    });
    await expect(completeCheckout(store.db, store.h.client, { checkoutSessionId, shopperTokenHash: SHOPPER })).resolves.toEqual({
      kind: 'placed',
      orderNumber: order.number,
      status: 'authorized',
    });
  });

  it('ends the attempt of a shopper who never comes back from Amazon and gives the stock back', async () => {
    const cart = await cartWith('wool-throw-blanket');
    const { order } = await clickButton(store.db, cart, HOME);
    expect(await held(order.id)).toHaveLength(1);
    const day = 24 * 60 * 60 * 1000;
    await finishOrder(store.db, store.h.client, order.id, { now: new Date(order.updatedAt.getTime() + day) });
    expect((await orderRow(order.id)).status).toBe('pending');
    await finishOrder(store.db, store.h.client, order.id, { now: new Date(order.updatedAt.getTime() + day + 11 * 60 * 1000) });
    expect(await orderRow(order.id)).toMatchObject({ status: 'canceled', lastReasonCode: 'Expired' });
    expect(await held(order.id)).toHaveLength(0);
  });

  it('ends an address checkout the shopper left for the express one, so its last unit goes to the express order', async () => {
    const cart = await cartWith('wool-throw-blanket');
    await setStockLevel(store.db, cart.lines[0]!.product.id, 1);
    const { order: left } = await clickButton(store.db, cart, HOME);
    expect(await held(left.id)).toHaveLength(1);

    const checkoutSessionId = await sessionChosenBy(store.h, cart, { card: '1111', address: 0, shopperTokenHash: SHOPPER });
    const placed = await placeOrder(store.db, store.h.client, await placeInput(store.h.client, cart, checkoutSessionId, SHOPPER));
    expect(await orderRow(left.id)).toMatchObject({ status: 'canceled', lastReasonCode: 'BuyerCanceled' });
    expect(await held(left.id)).toHaveLength(0);
    const [express] = await store.db.select().from(orders).where(eq(orders.number, placed.orderNumber));
    expect(await held(express!.id)).toHaveLength(1);
  });
});
