import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addToCart, loadCart, type Cart } from '@/lib/cart/cart';
import { orders, paymentEvents, payments } from '@/lib/db/schema';
import { NotFoundError, ValidationError } from '@/lib/errors';
import {
  cartWith as fixtureCart,
  placeInput as fixturePlaceInput,
  sessionChosenBy as fixtureSession,
} from '@/test/checkout-fixtures';
import { testDatabaseTargets } from '@/test/databases';
import { storeOnSandbox } from '@/test/store-on-sandbox';
import { completeCheckout } from './complete';
import { CheckoutChangedError, placeOrder } from './place-order';

const SHOPPER = 'a'.repeat(64);

describe.each(testDatabaseTargets)('checkout against the sandbox on $name', (target) => {
  const store = storeOnSandbox(target);

  const cartWith = (...slugs: string[]) => fixtureCart(store.db, ...slugs);
  const sessionChosenBy = (cart: Cart, choice: { card: string; address?: number }) => fixtureSession(store.h, cart, choice);
  const placeInput = (cart: Cart, checkoutSessionId: string, shipToCountries?: string[]) =>
    fixturePlaceInput(store.h.client, cart, checkoutSessionId, SHOPPER, { ...(shipToCountries && { shipToCountries }) });

  it('sends Amazon the server-computed total and completes exactly once, however often the shopper returns', async () => {
    const cart = await cartWith('enamel-camp-mug', 'brewing-field-guide');
    const checkoutSessionId = await sessionChosenBy(cart, { card: '1111', address: 0 });
    const placed = await placeOrder(store.db, store.h.client, await placeInput(cart, checkoutSessionId));
    const again = await placeOrder(store.db, store.h.client, await placeInput(cart, checkoutSessionId));
    expect(again.orderNumber).toBe(placed.orderNumber);

    const session = await store.h.client.getCheckoutSession(checkoutSessionId);
    // $34.00 + $5.95 shipping + 7.25% tax ($2.90).
    expect(session.paymentDetails?.chargeAmount).toMatchObject({ amount: '42.85', currencyCode: 'USD' });
    expect(session.paymentDetails?.paymentIntent).toBe('Authorize');
    expect(session.merchantMetadata?.merchantReferenceId).toBe(placed.orderNumber);

    expect((await store.h.page(placed.redirectUrl)).status).toBe(303);
    const outcomes = await Promise.all(
      Array.from({ length: 3 }, () =>
        completeCheckout(store.db, store.h.client, { checkoutSessionId, shopperTokenHash: SHOPPER }),
      ),
    );
    expect(new Set(outcomes.map((outcome) => JSON.stringify(outcome)))).toEqual(
      new Set([JSON.stringify({ kind: 'placed', orderNumber: placed.orderNumber, status: 'authorized' })]),
    );
    const [order] = await store.db.select().from(orders).where(eq(orders.number, placed.orderNumber));
    const rows = await store.db.select().from(payments).where(eq(payments.orderId, order!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'Authorized', authorizedAmount: 4285 });
    const completions = await store.db.select().from(paymentEvents).where(eq(paymentEvents.orderId, order!.id));
    expect(completions.filter((event) => event.type === 'checkout.completed')).toHaveLength(1);
    expect((await loadCart(store.db, cart.id, 'USD')).lines).toHaveLength(0);
  });

  it('keeps the cart and records the reason when Amazon declines', async () => {
    const cart = await cartWith('linen-apron');
    const checkoutSessionId = await sessionChosenBy(cart, { card: '3434', address: 0 });
    const placed = await placeOrder(store.db, store.h.client, await placeInput(cart, checkoutSessionId));
    await store.h.page(placed.redirectUrl);
    const outcome = await completeCheckout(store.db, store.h.client, { checkoutSessionId, shopperTokenHash: SHOPPER });
    expect(outcome).toEqual({ kind: 'failed', orderNumber: placed.orderNumber, reasonCode: 'Declined' });
    const [order] = await store.db.select().from(orders).where(eq(orders.number, placed.orderNumber));
    expect(order).toMatchObject({ status: 'canceled', lastReasonCode: 'Declined' });
    expect((await loadCart(store.db, cart.id, 'USD')).lines).toHaveLength(1);
  });

  it('refuses an address outside the ship-to countries before telling Amazon anything', async () => {
    const cart = await cartWith('walnut-desk-organizer');
    const checkoutSessionId = await sessionChosenBy(cart, { card: '1111', address: 3 });
    await expect(placeOrder(store.db, store.h.client, await placeInput(cart, checkoutSessionId, ['US']))).rejects.toThrow(
      ValidationError,
    );
    await expect(placeOrder(store.db, store.h.client, await placeInput(cart, checkoutSessionId, ['US']))).rejects.toThrow(
      /don’t ship to Canada/,
    );
    expect((await store.h.client.getCheckoutSession(checkoutSessionId)).paymentDetails?.chargeAmount ?? null).toBeNull();
  });

  it('charges nothing when Amazon holds another amount than the order records', async () => {
    const cart = await cartWith('enamel-camp-mug');
    const checkoutSessionId = await sessionChosenBy(cart, { card: '1111', address: 0 });
    const placed = await placeOrder(store.db, store.h.client, await placeInput(cart, checkoutSessionId));
    // As if another tab told Amazon a total this order never recorded.
    await store.h.client.updateCheckoutSession(checkoutSessionId, {
      paymentDetails: { chargeAmount: { amount: '99.99', currencyCode: 'USD' } },
    });
    await store.h.page(placed.redirectUrl);
    const outcome = await completeCheckout(store.db, store.h.client, { checkoutSessionId, shopperTokenHash: SHOPPER });
    expect(outcome).toMatchObject({ kind: 'failed', orderNumber: placed.orderNumber });
    const session = await store.h.client.getCheckoutSession(checkoutSessionId);
    expect(session.statusDetails.state).toBe('Open');
    expect(session.chargeId ?? null).toBeNull();
    // Finalize may not change the amount either (it must match the session), so it is never the way out.
    expect(store.h.attempts.some((attempt) => attempt.url.pathname.endsWith(`${checkoutSessionId}/finalize`))).toBe(false);
    const [order] = await store.db.select().from(orders).where(eq(orders.number, placed.orderNumber));
    // Nothing is left for a resync to complete behind the shopper's back.
    expect(order).toMatchObject({ status: 'pending', completionRequestedAt: null, chargePermissionId: null });
  });

  it('places nothing when the cart changed after the review: the shopper is told the new total', async () => {
    const cart = await cartWith('enamel-camp-mug');
    const checkoutSessionId = await sessionChosenBy(cart, { card: '1111', address: 0 });
    const reviewed = await placeInput(cart, checkoutSessionId);
    // A second tab adds an item while the first still shows the $29.98 review.
    await addToCart(store.db, cart.id, 'brewing-field-guide', 1);
    const changed = await loadCart(store.db, cart.id, 'USD');
    const updatesBefore = store.h.attempts.filter((attempt) => attempt.method === 'PATCH').length;
    const refusal = placeOrder(store.db, store.h.client, { ...reviewed, cart: changed });
    await expect(refusal).rejects.toThrow(CheckoutChangedError);
    await expect(refusal).rejects.toThrow('the total is now $42.85 instead of $29.98');
    expect(store.h.attempts.filter((attempt) => attempt.method === 'PATCH').length).toBe(updatesBefore);
    expect(await store.db.select().from(orders).where(eq(orders.checkoutSessionId, checkoutSessionId))).toEqual([]);

    // Reviewed again, the new cart is placed as shown.
    const placed = await placeOrder(store.db, store.h.client, await placeInput(changed, checkoutSessionId));
    const [order] = await store.db.select().from(orders).where(eq(orders.number, placed.orderNumber));
    expect(order?.totalAmount).toBe(4285);
  });

  it('rewrites a re-placed order only after Amazon accepted the new amounts', async () => {
    const cart = await cartWith('enamel-camp-mug');
    const checkoutSessionId = await sessionChosenBy(cart, { card: '1111', address: 0 });
    const placed = await placeOrder(store.db, store.h.client, await placeInput(cart, checkoutSessionId));
    await store.h.page(placed.redirectUrl);
    // A second tab still on the review page picks express after the first tab left for Amazon.
    await expect(
      placeOrder(
        store.db,
        store.h.client,
        await fixturePlaceInput(store.h.client, cart, checkoutSessionId, SHOPPER, { shippingMethod: 'express' }),
      ),
    ).rejects.toThrow();
    const [order] = await store.db.select().from(orders).where(eq(orders.number, placed.orderNumber));
    expect(order).toMatchObject({ shippingMethod: 'standard', totalAmount: 2998 });
  });

  it('completes only for the browser that placed the order', async () => {
    const cart = await cartWith('enamel-camp-mug');
    const checkoutSessionId = await sessionChosenBy(cart, { card: '1111', address: 0 });
    const placed = await placeOrder(store.db, store.h.client, await placeInput(cart, checkoutSessionId));
    await store.h.page(placed.redirectUrl);
    await expect(
      completeCheckout(store.db, store.h.client, { checkoutSessionId, shopperTokenHash: 'b'.repeat(64) }),
    ).rejects.toThrow(NotFoundError);
    await expect(completeCheckout(store.db, store.h.client, { checkoutSessionId, shopperTokenHash: null })).rejects.toThrow(
      NotFoundError,
    );
    const [order] = await store.db.select().from(orders).where(eq(orders.number, placed.orderNumber));
    expect(order?.status).toBe('pending');
  });
});
