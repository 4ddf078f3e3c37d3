import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCart } from '@/lib/cart/cart';
import { completeCheckout } from '@/lib/checkout/complete';
import { placeOrder } from '@/lib/checkout/place-order';
import { snapshotTotal } from '@/lib/checkout/snapshot';
import { orders, payments } from '@/lib/db/schema';
import { captureCharge, refundCharge } from '@/lib/orders/payments/charges';
import { chargeAgain } from '@/lib/orders/payments/permission';
import { placeInput } from '@/test/checkout-fixtures';
import { testDatabaseTargets } from '@/test/databases';
import type { ChaosContext } from './context';
import { periodStart } from './merchant-operations';
import { dropEmitted } from './notifications';
import { createChaos, verdict } from './run';
import { startCheckout } from './shopper-operations';
import { isCrash, startProcess, type CrashPlan } from './storefront-process';
import { openWorld, resetWorld, type ChaosWorld } from './world';

/**
 * The chaos run's failures, each as the smallest story that shows it: one checkout,
 * one crash at a named call, the IPNs lost, then the same settling and invariants as
 * the run. A capture crashed the same way is the control that the net already catches.
 */

const MERCHANT = 'merchant@shop.test';

describe.each(testDatabaseTargets)('chaos scenarios on $name', (target) => {
  let world: ChaosWorld;
  beforeAll(async () => {
    world = await openWorld(target);
  });
  afterAll(async () => world?.handle.close());

  async function quietChaos(): Promise<ChaosContext> {
    await resetWorld(world);
    return createChaos(world.h, world.handle.db, { seed: 1, operations: 0, faultRate: 0, crashRate: 0 });
  }

  /** Cart, Amazon's pages, Place order and the processing page: the shopper is on the way back to us. */
  async function backFromAmazon(ctx: ChaosContext, slugs: string[], card = '1111') {
    await startCheckout(ctx, { slugs, card });
    const checkout = ctx.model.checkouts.at(-1)!;
    const cart = await loadCart(ctx.db, checkout.cartId, 'USD');
    const input = await placeInput(ctx.h.client, cart, checkout.checkoutSessionId, checkout.shopperTokenHash);
    checkout.confirmedTotal = snapshotTotal(input.confirmedSnapshot);
    const placed = await placeOrder(ctx.db, ctx.h.client, input);
    expect((await ctx.h.page(placed.redirectUrl)).status).toBe(303);
    checkout.passedProcessingPage = true;
    return {
      checkout,
      orderNumber: placed.orderNumber,
      shopper: { checkoutSessionId: checkout.checkoutSessionId, shopperTokenHash: checkout.shopperTokenHash },
    };
  }

  async function completed(ctx: ChaosContext, slugs: string[]) {
    const back = await backFromAmazon(ctx, slugs);
    await completeCheckout(ctx.db, ctx.h.client, back.shopper);
    const [order] = await ctx.db.select().from(orders).where(eq(orders.number, back.orderNumber));
    const [payment] = await ctx.db.select().from(payments).where(eq(payments.orderId, order!.id));
    return { ...back, order: order!, payment: payment! };
  }

  const crashing = (ctx: ChaosContext, crash: CrashPlan) =>
    startProcess({ h: ctx.h, db: ctx.db, wire: ctx.wire, prng: ctx.prng, timeoutMs: 1000 }, crash);

  async function expectCrash(call: Promise<unknown>): Promise<void> {
    const error = await call.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(isCrash(error), `expected the simulated crash, got ${String(error)}`).toBe(true);
  }

  it('finds the order of a checkout Amazon completed just before the result page crashed, with the shopper gone', async () => {
    const ctx = await quietChaos();
    const { checkout, shopper } = await backFromAmazon(ctx, ['enamel-camp-mug']);
    // Calls: getCheckoutSession, completeCheckoutSession (processed, answer lost).
    const process = crashing(ctx, { atCall: 2, when: 'after-processing' });
    // Whether the page answers or throws, the process is dead and queued nothing.
    await completeCheckout(process.db, process.amazon, shopper).catch(() => undefined);
    expect(process.crashed).toBe(true);
    expect(ctx.h.sandbox.store.session(checkout.checkoutSessionId).status.state).toBe('Completed');

    expect((await verdict(ctx)).violations).toEqual([]);
  });

  it('records the charge permission state of an order paid at once', async () => {
    const ctx = await quietChaos();
    await completed(ctx, ['brewing-field-guide']);

    expect((await verdict(ctx)).violations).toEqual([]);
  });

  it('records the state of a charge permission whose IPN was lost, on an order refunded before any resync', async () => {
    const ctx = await quietChaos();
    const { order, payment } = await completed(ctx, ['enamel-camp-mug']);
    // The permission's only notification (its creation) never arrives.
    dropEmitted(ctx);
    const charge = { orderNumber: order.number, chargeId: payment.chargeId, actor: MERCHANT };
    await captureCharge(ctx.db, ctx.h.client, { ...charge, amount: '10.00' });
    await refundCharge(ctx.db, ctx.h.client, { ...charge, amount: '10.00' });
    ctx.h.sandbox.advance(60);

    expect((await verdict(ctx)).violations).toEqual([]);
  });

  it('knows of a refund Amazon accepted just before the merchant process crashed, with its IPNs lost', async () => {
    const ctx = await quietChaos();
    const { order, payment } = await completed(ctx, ['latte-art-video-course']);
    expect(payment.state).toBe('Captured');
    const process = crashing(ctx, { atCall: 1, when: 'after-processing' });
    await expectCrash(
      refundCharge(process.db, process.amazon, {
        orderNumber: order.number,
        chargeId: payment.chargeId,
        amount: '10.00',
        actor: MERCHANT,
      }),
    );
    ctx.h.sandbox.advance(60);
    dropEmitted(ctx);

    expect((await verdict(ctx)).violations).toEqual([]);
  });

  it('knows of a renewal charge Amazon created just before the merchant process crashed, with its IPNs lost', async () => {
    const ctx = await quietChaos();
    const { order } = await completed(ctx, ['monthly-coffee-club']);
    expect(order.placedAt).toBeInstanceOf(Date);
    ctx.model.renewalPeriods.set(order.chargePermissionId!, new Set([1]));
    const process = crashing(ctx, { atCall: 1, when: 'after-processing' });
    await expectCrash(
      chargeAgain(process.db, process.amazon, { orderNumber: order.number, actor: MERCHANT }, periodStart(order.placedAt!, 1)),
    );
    dropEmitted(ctx);

    expect((await verdict(ctx)).violations).toEqual([]);
  });

  it('control: repairs a capture Amazon made just before the merchant process crashed, with its IPNs lost', async () => {
    const ctx = await quietChaos();
    const { order, payment } = await completed(ctx, ['enamel-camp-mug']);
    expect(payment.state).toBe('Authorized');
    const process = crashing(ctx, { atCall: 1, when: 'after-processing' });
    await expectCrash(
      captureCharge(process.db, process.amazon, {
        orderNumber: order.number,
        chargeId: payment.chargeId,
        amount: '29.98',
        actor: MERCHANT,
      }),
    );
    dropEmitted(ctx);

    const { violations, resync } = await verdict(ctx);
    expect(violations).toEqual([]);
    // The capture is repeated with its key, and the order is recorded paid.
    expect(resync.operationsResumed).toBe(1);
  });
});
