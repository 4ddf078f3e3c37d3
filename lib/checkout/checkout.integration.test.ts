import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCart, loadCart, type Cart } from '@/lib/cart/cart';
import { seedCatalog } from '@/lib/catalog/seed';
import type { DatabaseHandle } from '@/lib/db/connection';
import { orders, paymentEvents, payments } from '@/lib/db/schema';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { createHarness, type Harness } from '@/test/sandbox-harness';
import {
  cartWith as fixtureCart,
  placeInput as fixturePlaceInput,
  sessionChosenBy as fixtureSession,
} from '@/test/checkout-fixtures';
import { testDatabaseTargets } from '@/test/databases';
import { completeCheckout } from './complete';
import { CheckoutChangedError, placeOrder } from './place-order';

const SHOPPER = 'a'.repeat(64);

describe.each(testDatabaseTargets)('checkout against the sandbox on $name', (target) => {
  let handle: DatabaseHandle;
  let h: Harness;

  beforeAll(async () => {
    handle = await target.open();
    await seedCatalog(handle.db, 'USD');
    h = await createHarness();
  });
  afterAll(async () => handle?.close());

  const cartWith = (...slugs: string[]) => fixtureCart(handle.db, ...slugs);
  const sessionChosenBy = (cart: Cart, choice: { card: string; address?: number }) => fixtureSession(h, cart, choice);
  const placeInput = (cart: Cart, checkoutSessionId: string, shipToCountries?: string[]) =>
    fixturePlaceInput(h.client, cart, checkoutSessionId, SHOPPER, { ...(shipToCountries && { shipToCountries }) });

  it('sends Amazon the server-computed total and completes exactly once, however often the shopper returns', async () => {
    const cart = await cartWith('enamel-camp-mug', 'brewing-field-guide');
    const checkoutSessionId = await sessionChosenBy(cart, { card: '1111', address: 0 });
    const placed = await placeOrder(handle.db, h.client, await placeInput(cart, checkoutSessionId));
    const again = await placeOrder(handle.db, h.client, await placeInput(cart, checkoutSessionId));
    expect(again.orderNumber).toBe(placed.orderNumber);

    const session = await h.client.getCheckoutSession(checkoutSessionId);
    // $34.00 + $5.95 shipping + 7.25% tax ($2.90).
    expect(session.paymentDetails?.chargeAmount).toMatchObject({ amount: '42.85', currencyCode: 'USD' });
    expect(session.paymentDetails?.paymentIntent).toBe('Authorize');
    expect(session.merchantMetadata?.merchantReferenceId).toBe(placed.orderNumber);

    expect((await h.page(placed.redirectUrl)).status).toBe(303);
    const outcomes = await Promise.all(
      Array.from({ length: 3 }, () => completeCheckout(handle.db, h.client, { checkoutSessionId, shopperTokenHash: SHOPPER })),
    );
    expect(new Set(outcomes.map((outcome) => JSON.stringify(outcome)))).toEqual(
      new Set([JSON.stringify({ kind: 'placed', orderNumber: placed.orderNumber, status: 'authorized' })]),
    );
    const [order] = await handle.db.select().from(orders).where(eq(orders.number, placed.orderNumber));
    const rows = await handle.db.select().from(payments).where(eq(payments.orderId, order!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'Authorized', authorizedAmount: 4285 });
    const completions = await handle.db.select().from(paymentEvents).where(eq(paymentEvents.orderId, order!.id));
    expect(completions.filter((event) => event.type === 'checkout.completed')).toHaveLength(1);
    expect((await loadCart(handle.db, cart.id, 'USD')).lines).toHaveLength(0);
  });

  it('keeps the cart and records the reason when Amazon declines', async () => {
    const cart = await cartWith('linen-apron');
    const checkoutSessionId = await sessionChosenBy(cart, { card: '3434', address: 0 });
    const placed = await placeOrder(handle.db, h.client, await placeInput(cart, checkoutSessionId));
    await h.page(placed.redirectUrl);
    const outcome = await completeCheckout(handle.db, h.client, { checkoutSessionId, shopperTokenHash: SHOPPER });
    expect(outcome).toEqual({ kind: 'failed', orderNumber: placed.orderNumber, reasonCode: 'Declined' });
    const [order] = await handle.db.select().from(orders).where(eq(orders.number, placed.orderNumber));
    expect(order).toMatchObject({ status: 'canceled', lastReasonCode: 'Declined' });
    expect((await loadCart(handle.db, cart.id, 'USD')).lines).toHaveLength(1);
  });

  it('refuses an address outside the ship-to countries before telling Amazon anything', async () => {
    const cart = await cartWith('walnut-desk-organizer');
    const checkoutSessionId = await sessionChosenBy(cart, { card: '1111', address: 3 });
    await expect(placeOrder(handle.db, h.client, await placeInput(cart, checkoutSessionId, ['US']))).rejects.toThrow(
      ValidationError,
    );
    await expect(placeOrder(handle.db, h.client, await placeInput(cart, checkoutSessionId, ['US']))).rejects.toThrow(
      /don’t ship to Canada/,
    );
    expect((await h.client.getCheckoutSession(checkoutSessionId)).paymentDetails?.chargeAmount ?? null).toBeNull();
  });

  it('finalizes with our recorded total when Amazon holds another amount', async () => {
    const cart = await cartWith('enamel-camp-mug');
    const checkoutSessionId = await sessionChosenBy(cart, { card: '1111', address: 0 });
    const placed = await placeOrder(handle.db, h.client, await placeInput(cart, checkoutSessionId));
    // As if we told Amazon a new total and crashed before recording it.
    await h.client.updateCheckoutSession(checkoutSessionId, {
      paymentDetails: { chargeAmount: { amount: '99.99', currencyCode: 'USD' } },
    });
    await h.page(placed.redirectUrl);
    const outcome = await completeCheckout(handle.db, h.client, { checkoutSessionId, shopperTokenHash: SHOPPER });
    expect(outcome).toMatchObject({ kind: 'placed', status: 'authorized' });
    const session = await h.client.getCheckoutSession(checkoutSessionId);
    expect(session.statusDetails.state).toBe('Completed');
    const charge = await h.client.getCharge(session.chargeId!);
    // $22.00 + $5.95 + 7.25% tax = $29.98, as recorded, not the stray $99.99.
    expect(charge.chargeAmount).toMatchObject({ amount: '29.98' });
    expect(h.attempts.some((attempt) => attempt.url.pathname.endsWith(`${checkoutSessionId}/finalize`))).toBe(true);
  });

  it('places nothing when the cart changed after the review: the shopper is told the new total', async () => {
    const cart = await cartWith('enamel-camp-mug');
    const checkoutSessionId = await sessionChosenBy(cart, { card: '1111', address: 0 });
    const reviewed = await placeInput(cart, checkoutSessionId);
    // A second tab adds an item while the first still shows the $29.98 review.
    await addToCart(handle.db, cart.id, 'brewing-field-guide', 1);
    const changed = await loadCart(handle.db, cart.id, 'USD');
    const updatesBefore = h.attempts.filter((attempt) => attempt.method === 'PATCH').length;
    const refusal = placeOrder(handle.db, h.client, { ...reviewed, cart: changed });
    await expect(refusal).rejects.toThrow(CheckoutChangedError);
    await expect(refusal).rejects.toThrow('the total is now $42.85 instead of $29.98');
    expect(h.attempts.filter((attempt) => attempt.method === 'PATCH').length).toBe(updatesBefore);
    expect(await handle.db.select().from(orders).where(eq(orders.checkoutSessionId, checkoutSessionId))).toEqual([]);

    // Reviewed again, the new cart is placed as shown.
    const placed = await placeOrder(handle.db, h.client, await placeInput(changed, checkoutSessionId));
    const [order] = await handle.db.select().from(orders).where(eq(orders.number, placed.orderNumber));
    expect(order?.totalAmount).toBe(4285);
  });

  it('rewrites a re-placed order only after Amazon accepted the new amounts', async () => {
    const cart = await cartWith('enamel-camp-mug');
    const checkoutSessionId = await sessionChosenBy(cart, { card: '1111', address: 0 });
    const placed = await placeOrder(handle.db, h.client, await placeInput(cart, checkoutSessionId));
    await h.page(placed.redirectUrl);
    // A second tab still on the review page picks express after the first tab left for Amazon.
    await expect(
      placeOrder(
        handle.db,
        h.client,
        await fixturePlaceInput(h.client, cart, checkoutSessionId, SHOPPER, { shippingMethod: 'express' }),
      ),
    ).rejects.toThrow();
    const [order] = await handle.db.select().from(orders).where(eq(orders.number, placed.orderNumber));
    expect(order).toMatchObject({ shippingMethod: 'standard', totalAmount: 2998 });
  });

  it('completes only for the browser that placed the order', async () => {
    const cart = await cartWith('enamel-camp-mug');
    const checkoutSessionId = await sessionChosenBy(cart, { card: '1111', address: 0 });
    const placed = await placeOrder(handle.db, h.client, await placeInput(cart, checkoutSessionId));
    await h.page(placed.redirectUrl);
    await expect(completeCheckout(handle.db, h.client, { checkoutSessionId, shopperTokenHash: 'b'.repeat(64) })).rejects.toThrow(
      NotFoundError,
    );
    await expect(completeCheckout(handle.db, h.client, { checkoutSessionId, shopperTokenHash: null })).rejects.toThrow(
      NotFoundError,
    );
    const [order] = await handle.db.select().from(orders).where(eq(orders.number, placed.orderNumber));
    expect(order?.status).toBe('pending');
  });
});
