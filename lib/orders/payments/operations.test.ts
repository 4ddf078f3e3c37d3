import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedCatalog } from '@/lib/catalog/seed';
import type { DatabaseHandle } from '@/lib/db/connection';
import { adminOperations, emailOutbox, orders, paymentEvents, payments, refunds } from '@/lib/db/schema';
import { attemptsAt, createHarness, type Harness } from '@/test/sandbox-harness';
import { testDatabaseTargets } from '@/test/databases';
import {
  AmazonRefusedError,
  OperationRefusedError,
  addDeliveryTracking,
  cancelCharge,
  captureCharge,
  chargeAgain,
  closeChargePermission,
  refreshOrderFromAmazon,
  refundCharge,
  updateChargePermissionMetadata,
} from './operations';
import { placeTestOrder, type PlacedTestOrder } from '@/test/payment-operations';
import { completedOrder } from '@/test/checkout-fixtures';
import { money } from '@/lib/money';
import { AmazonPayError } from '@/lib/amazon-pay';
import { loadAdminOrderView } from '@/lib/orders/admin/order-view';
import { addCalendarMonths, nextRenewal } from './renewal';

const actor = 'admin@example.com';
const MUGS = [{ slug: 'enamel-camp-mug', kind: 'physical' as const, unitPrice: 2200, quantity: 2 }];
const COFFEE_CLUB = [{ slug: 'monthly-coffee-club', kind: 'subscription' as const, unitPrice: 2400, quantity: 1 }];

describe.each(testDatabaseTargets)('admin payment operations on $name', (target) => {
  let handle: DatabaseHandle;
  let h: Harness;

  beforeAll(async () => {
    handle = await target.open();
    await seedCatalog(handle.db, 'USD');
  });
  afterAll(async () => handle?.close());
  beforeEach(async () => {
    h = await createHarness();
  });

  const db = () => handle.db;
  const paymentOf = async (chargeId: string) => (await db().select().from(payments).where(eq(payments.chargeId, chargeId)))[0];
  const orderOf = async (orderId: string) => (await db().select().from(orders).where(eq(orders.id, orderId)))[0];
  const operationsOf = (orderId: string) => db().select().from(adminOperations).where(eq(adminOperations.orderId, orderId));
  const renewalRequestsOf = async (orderId: string) =>
    (
      await db()
        .select()
        .from(adminOperations)
        .where(eq(adminOperations.orderId, orderId))
        .orderBy(asc(adminOperations.createdAt))
    )
      .filter((row) => row.kind === 'charge_again')
      .map((row) => row.request);
  const physicalOrder = () => placeTestOrder(db(), h, MUGS, 595);

  it('captures part of a charge, refunds it in two steps and refuses to refund more than is left', async () => {
    const placed = await physicalOrder();
    const capture = await captureCharge(db(), h.client, {
      orderNumber: placed.number,
      chargeId: placed.chargeId,
      amount: '30.00',
      actor,
    });
    expect(capture.replayed).toBe(false);
    expect(capture.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    expect(await paymentOf(placed.chargeId)).toMatchObject({ state: 'Captured', capturedAmount: 3000, authorizedAmount: 4995 });

    const first = await refundCharge(db(), h.client, {
      orderNumber: placed.number,
      chargeId: placed.chargeId,
      amount: '10.00',
      actor,
    });
    const second = await refundCharge(db(), h.client, {
      orderNumber: placed.number,
      chargeId: placed.chargeId,
      amount: '10.00',
      actor,
    });
    expect(second.amazonObjectId).not.toBe(first.amazonObjectId);
    expect(second.idempotencyKey).not.toBe(first.idempotencyKey);
    await expect(
      refundCharge(db(), h.client, { orderNumber: placed.number, chargeId: placed.chargeId, amount: '10.01', actor }),
    ).rejects.toThrow(/at most \$10\.00/);

    const refundRows = await db().select().from(refunds);
    const mine = refundRows.filter((row) => [first.amazonObjectId, second.amazonObjectId].includes(row.refundId));
    expect(mine.map((row) => [row.amount, row.state])).toEqual([
      [1000, 'RefundInitiated'],
      [1000, 'RefundInitiated'],
    ]);
    h.sandbox.advance(60);
    await refreshOrderFromAmazon(db(), h.client, placed.number);
    expect(await paymentOf(placed.chargeId)).toMatchObject({ refundedAmount: 2000 });
    const [order] = await db().select().from(orders).where(eq(orders.id, placed.orderId));
    expect(order?.status).toBe('partially_refunded');

    const operations = await operationsOf(placed.orderId);
    expect(operations.map((row) => [row.kind, row.status, row.actor])).toEqual([
      ['capture', 'succeeded', actor],
      ['refund', 'succeeded', actor],
      ['refund', 'succeeded', actor],
    ]);
    const events = await db().select().from(paymentEvents).where(eq(paymentEvents.orderId, placed.orderId));
    expect(events.filter((event) => event.actor === 'admin').map((event) => event.type)).toEqual(
      expect.arrayContaining(['admin.capture', 'admin.refund', 'charge.state', 'refund.state']),
    );
  });

  it('refuses over-capture, refund before capture and capture after cancel, without calling Amazon', async () => {
    const placed = await physicalOrder();
    const input = { orderNumber: placed.number, chargeId: placed.chargeId, actor };
    await expect(captureCharge(db(), h.client, { ...input, amount: '49.96' })).rejects.toThrow(/at most \$49\.95/);
    await expect(captureCharge(db(), h.client, { ...input, amount: '0' })).rejects.toBeInstanceOf(OperationRefusedError);
    await expect(captureCharge(db(), h.client, { ...input, amount: '1.234' })).rejects.toThrow(/not an amount/);
    await expect(refundCharge(db(), h.client, { ...input, amount: '5.00' })).rejects.toThrow(
      /only a captured charge can be refunded/,
    );
    await expect(cancelCharge(db(), h.client, { ...input, reason: '   ' })).rejects.toBeInstanceOf(OperationRefusedError);

    await cancelCharge(db(), h.client, { ...input, reason: 'Out of stock' });
    expect(await paymentOf(placed.chargeId)).toMatchObject({ state: 'Canceled', reasonCode: 'MerchantCanceled' });
    await expect(captureCharge(db(), h.client, { ...input, amount: '10.00' })).rejects.toThrow(
      /only an Authorized charge can be captured/,
    );
    expect(attemptsAt(h, 'POST', /^charges\/.+\/capture$/)).toHaveLength(0);
    expect((await operationsOf(placed.orderId)).map((row) => row.kind)).toEqual(['cancel']);
  });

  it('turns an Amazon refusal into its reasonCode in words and changes nothing but the operation row', async () => {
    const placed = await physicalOrder();
    // Amazon cancels behind our back (no IPN yet), so our stored state still says Authorized.
    await h.client.cancelCharge(placed.chargeId, { cancellationReason: 'elsewhere' });
    const before = await paymentOf(placed.chargeId);
    const error = await captureCharge(db(), h.client, {
      orderNumber: placed.number,
      chargeId: placed.chargeId,
      amount: '10.00',
      actor,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmazonRefusedError);
    expect((error as AmazonRefusedError).message).toMatch(/not in a state that allows this.*\(InvalidChargeStatus\)/);
    expect(await paymentOf(placed.chargeId)).toEqual(before);
    expect((await operationsOf(placed.orderId)).map((row) => [row.status, row.reasonCode])).toEqual([
      ['failed', 'InvalidChargeStatus'],
    ]);
  });

  it('a double-submitted refund reaches Amazon once and leaves one refund and one operation', async () => {
    const placed = await physicalOrder();
    await captureCharge(db(), h.client, { orderNumber: placed.number, chargeId: placed.chargeId, amount: '49.95', actor });
    // Both submits come from a page that showed no refunds yet.
    const input = { orderNumber: placed.number, chargeId: placed.chargeId, amount: '20.00', refundsSeen: 0, actor };
    const [a, b] = await Promise.all([refundCharge(db(), h.client, input), refundCharge(db(), h.client, input)]);
    expect(a.amazonObjectId).toBe(b.amazonObjectId);
    expect(a.idempotencyKey).toBe(b.idempotencyKey);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(attemptsAt(h, 'POST', /^refunds$/)).toHaveLength(1);
    const refundOps = (await operationsOf(placed.orderId)).filter((row) => row.kind === 'refund');
    expect(refundOps).toHaveLength(1);
    const payment = await paymentOf(placed.chargeId);
    expect(await db().select().from(refunds).where(eq(refunds.paymentId, payment!.id))).toHaveLength(1);

    // A third click from the same page, after the refund landed: the same answer, nothing sent.
    const late = await refundCharge(db(), h.client, input);
    expect([late.replayed, late.amazonObjectId]).toEqual([true, a.amazonObjectId]);
    // A stale second tab asking for another amount is refused; the fresh page's next refund goes through.
    await expect(refundCharge(db(), h.client, { ...input, amount: '5.00' })).rejects.toThrow(/changed since the page was loaded/);
    const deliberate = await refundCharge(db(), h.client, { ...input, refundsSeen: 1 });
    expect(deliberate.amazonObjectId).not.toBe(a.amazonObjectId);
    expect(attemptsAt(h, 'POST', /^refunds$/)).toHaveLength(2);
  });

  it('a capture clicked twice returns the first capture instead of a refusal', async () => {
    const placed = await physicalOrder();
    const input = { orderNumber: placed.number, chargeId: placed.chargeId, amount: '49.95', actor };
    const first = await captureCharge(db(), h.client, input);
    const again = await captureCharge(db(), h.client, input);
    expect([again.replayed, again.idempotencyKey]).toEqual([true, first.idempotencyKey]);
    expect(attemptsAt(h, 'POST', /^charges\/.+\/capture$/)).toHaveLength(1);
  });

  it('closes the charge permission and cancels its pending charges', async () => {
    const placed = await physicalOrder();
    await expect(
      closeChargePermission(db(), h.client, { orderNumber: placed.number, reason: '', cancelPendingCharges: true, actor }),
    ).rejects.toBeInstanceOf(OperationRefusedError);
    await closeChargePermission(db(), h.client, {
      orderNumber: placed.number,
      reason: 'Buyer asked to cancel',
      cancelPendingCharges: true,
      actor,
    });
    const [order] = await db().select().from(orders).where(eq(orders.id, placed.orderId));
    expect(order?.chargePermissionState).toBe('Closed');
    expect(await paymentOf(placed.chargeId)).toMatchObject({ state: 'Canceled' });
    // Pressed again: the first close is the answer; Amazon is not asked twice.
    const again = await closeChargePermission(db(), h.client, {
      orderNumber: placed.number,
      reason: 'again',
      cancelPendingCharges: false,
      actor,
    });
    expect(again.replayed).toBe(true);
    expect(attemptsAt(h, 'DELETE', /^chargePermissions\/.+\/close$/)).toHaveLength(1);
  });

  it('updates the merchant metadata and sends delivery tracking for physical goods', async () => {
    const placed = await physicalOrder();
    await updateChargePermissionMetadata(db(), h.client, {
      orderNumber: placed.number,
      merchantMetadata: { merchantReferenceId: `${placed.number}-A`, noteToBuyer: 'Thanks!' },
      actor,
    });
    const permission = await h.client.getChargePermission(placed.chargePermissionId);
    expect(permission.merchantMetadata).toMatchObject({ merchantReferenceId: `${placed.number}-A`, noteToBuyer: 'Thanks!' });

    const tracking = await addDeliveryTracking(db(), h.client, {
      orderNumber: placed.number,
      carrierCode: 'ups',
      trackingNumber: '1Z999AA10123456784',
      actor,
    });
    expect(tracking.replayed).toBe(false);
    const again = await addDeliveryTracking(db(), h.client, {
      orderNumber: placed.number,
      carrierCode: 'UPS',
      trackingNumber: '1Z999AA10123456784',
      actor,
    });
    expect(again.replayed).toBe(true);
    expect(attemptsAt(h, 'POST', /^deliveryTrackers$/)).toHaveLength(1);
    // Amazon's yes marks the order shipped with the parcel, and tells the buyer once.
    expect(await orderOf(placed.orderId)).toMatchObject({
      fulfilmentStatus: 'shipped',
      shippingCarrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
    });
    const mails = await db().select().from(emailOutbox).where(eq(emailOutbox.orderId, placed.orderId));
    expect(mails.filter((mail) => mail.kind === 'order_shipped')).toHaveLength(1);
  });

  it('leaves the order unfulfilled when Amazon refuses the tracker', async () => {
    const placed = await physicalOrder();
    const refusing = {
      ...h.client,
      deliveryTrackers: async () => {
        throw new AmazonPayError({
          operation: 'deliveryTrackers',
          status: 400,
          reasonCode: 'InvalidParameterValue',
          retryable: false,
          requestId: undefined,
          message: 'refused',
        });
      },
    };
    await expect(
      addDeliveryTracking(db(), refusing, { orderNumber: placed.number, carrierCode: 'UPS', trackingNumber: '1Z', actor }),
    ).rejects.toBeInstanceOf(AmazonRefusedError);
    expect(await orderOf(placed.orderId)).toMatchObject({ fulfilmentStatus: 'unfulfilled', trackingNumber: null });
  });

  it('refuses tracking and close on declined, canceled and never-placed orders without calling Amazon', async () => {
    for (const change of [{ status: 'declined' as const }, { status: 'canceled' as const }, { placedAt: null }]) {
      const placed = await physicalOrder();
      await db().update(orders).set(change).where(eq(orders.id, placed.orderId));
      const track = addDeliveryTracking(db(), h.client, {
        orderNumber: placed.number,
        carrierCode: 'UPS',
        trackingNumber: '1Z',
        actor,
      });
      await expect(track).rejects.toBeInstanceOf(OperationRefusedError);
      await expect(track).rejects.toThrow(/so there is nothing to ship/);
      const close = closeChargePermission(db(), h.client, {
        orderNumber: placed.number,
        reason: 'x',
        cancelPendingCharges: false,
        actor,
      });
      await expect(close).rejects.toThrow(/so there is nothing to close/);
      expect((await orderOf(placed.orderId))?.fulfilmentStatus).toBe('unfulfilled');
    }
    expect(attemptsAt(h, 'POST', /^deliveryTrackers$/)).toHaveLength(0);
    expect(attemptsAt(h, 'DELETE', /^chargePermissions\/.+\/close$/)).toHaveLength(0);
  });

  /** A subscription placed at a chosen moment, shipped to Canada, so renewals carry shipping, surcharge and tax. */
  const subscriptionPlacedAt = async (placedAt: Date): Promise<PlacedTestOrder> => {
    const placed = await placeTestOrder(db(), h, COFFEE_CLUB);
    await db()
      .update(orders)
      .set({ placedAt, shippingMethod: 'standard', shippingAddress: { name: 'Jane Doe', countryCode: 'CA' } })
      .where(eq(orders.id, placed.orderId));
    return placed;
  };
  // 24.00 + standard 5.95 + the 12.00 surcharge outside the US, then 5% tax on 41.95 (2.0975).
  const CANADIAN_RENEWAL = 2400 + 595 + 1200 + 210;
  const renew = (placed: PlacedTestOrder, at: Date, client = h.client) =>
    chargeAgain(db(), client, { orderNumber: placed.number, actor }, at);

  it('charges a subscription once per period from the day each falls due, priced like checkout, and refuses one-time orders', async () => {
    const placed = await subscriptionPlacedAt(new Date(Date.UTC(2026, 0, 31, 15)));
    // The sign-up day is period 1, paid by the checkout's own charge.
    await expect(renew(placed, new Date(Date.UTC(2026, 0, 31, 20)))).rejects.toThrow(
      /period 2 is not due yet; it can be charged from February 28, 2026/,
    );
    await expect(renew(placed, new Date(Date.UTC(2026, 1, 27, 23, 59)))).rejects.toBeInstanceOf(OperationRefusedError);
    expect(attemptsAt(h, 'POST', /^charges$/)).toHaveLength(0);

    // January 31 plus one month is February 28; a double click reaches Amazon once.
    const february = new Date(Date.UTC(2026, 1, 28));
    const [a, b] = await Promise.all([renew(placed, february), renew(placed, february)]);
    expect(a.amazonObjectId).toBe(b.amazonObjectId);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    const renewal = a;
    expect(renewal.amazonObjectId).not.toBe(placed.chargeId);
    expect(await paymentOf(renewal.amazonObjectId!)).toMatchObject({
      state: 'Captured',
      capturedAmount: CANADIAN_RENEWAL,
      orderId: placed.orderId,
    });
    const charge = await h.client.getCharge(renewal.amazonObjectId!);
    expect(charge.merchantMetadata?.merchantReferenceId).toBe(`${placed.number}-2`);
    // Pressed again later that month: period 3 is not due, nothing is sent.
    await expect(renew(placed, new Date(Date.UTC(2026, 2, 20)))).rejects.toThrow(/period 3 .* from March 31, 2026/);
    const march = await renew(placed, new Date(Date.UTC(2026, 2, 31)));
    expect(march.amazonObjectId).not.toBe(renewal.amazonObjectId);
    expect(march.idempotencyKey).not.toBe(renewal.idempotencyKey);
    expect(attemptsAt(h, 'POST', /^charges$/)).toHaveLength(2);
    const renewals = await renewalRequestsOf(placed.orderId);
    expect(renewals).toEqual([
      expect.objectContaining({ period: 2, attempt: 0, amount: CANADIAN_RENEWAL, dueAt: '2026-02-28T00:00:00.000Z' }),
      expect.objectContaining({ period: 3, attempt: 0, amount: CANADIAN_RENEWAL, dueAt: '2026-03-31T00:00:00.000Z' }),
    ]);

    const oneTime = await physicalOrder();
    await expect(chargeAgain(db(), h.client, { orderNumber: oneTime.number, actor })).rejects.toThrow(/Only a subscription/);
    await expect(
      addDeliveryTracking(db(), h.client, { orderNumber: placed.number, carrierCode: 'UPS', trackingNumber: '1', actor }),
    ).rejects.toThrow(/physical goods/);
  });

  it('charges a declined renewal again for the same period, under a new key, once the merchant asks', async () => {
    const placed = await subscriptionPlacedAt(new Date(Date.UTC(2026, 4, 10)));
    const due = new Date(Date.UTC(2026, 5, 10));
    // The buyer's card declines this renewal after a pending authorization.
    const declining = {
      ...h.client,
      createCharge: (...[request, options]: Parameters<typeof h.client.createCharge>) =>
        h.client.createCharge(request, { ...options, simulationCode: 'SoftDeclined' }),
    };
    const declined = await renew(placed, due, declining);
    expect(await paymentOf(declined.amazonObjectId!)).toMatchObject({ state: 'AuthorizationInitiated' });
    // While Amazon decides, the period counts as charged: pressing again sends nothing.
    await expect(renew(placed, due)).rejects.toThrow(/period 3 is not due yet/);
    h.sandbox.advance(30);
    await refreshOrderFromAmazon(db(), h.client, placed.number);
    expect(await paymentOf(declined.amazonObjectId!)).toMatchObject({ state: 'Declined', reasonCode: 'SoftDeclined' });

    const retried = await renew(placed, new Date(Date.UTC(2026, 5, 12)));
    expect(retried.replayed).toBe(false);
    expect(retried.idempotencyKey).not.toBe(declined.idempotencyKey);
    expect(await paymentOf(retried.amazonObjectId!)).toMatchObject({ state: 'Captured', capturedAmount: CANADIAN_RENEWAL });
    expect(await renewalRequestsOf(placed.orderId)).toEqual([
      expect.objectContaining({ period: 2, attempt: 0 }),
      expect.objectContaining({ period: 2, attempt: 1 }),
    ]);
    await expect(renew(placed, new Date(Date.UTC(2026, 5, 13)))).rejects.toThrow(/from July 10, 2026/);
    expect(attemptsAt(h, 'POST', /^charges$/)).toHaveLength(2);
  });

  it('keeps a subscription authorized, not paid, while its first charge is only authorized', async () => {
    const placed = await subscriptionPlacedAt(new Date(Date.UTC(2026, 0, 5)));
    await renew(placed, new Date(Date.UTC(2026, 1, 5)));
    expect((await orderOf(placed.orderId))?.status).toBe('authorized');
    await captureCharge(db(), h.client, { orderNumber: placed.number, chargeId: placed.chargeId, amount: '24.00', actor });
    expect((await orderOf(placed.orderId))?.status).toBe('paid');
  });

  it('shows the admin the next billing period, its amount and whether it is due yet, and none for one-time orders', async () => {
    const placed = await subscriptionPlacedAt(new Date(Date.UTC(2026, 0, 31, 15)));
    const before = await loadAdminOrderView(db(), h.client, placed.number, new Date(Date.UTC(2026, 1, 27, 12)));
    expect(before?.renewal).toEqual({
      period: 2,
      dueAt: '2026-02-28T00:00:00.000Z',
      dueOn: 'February 28, 2026',
      amount: CANADIAN_RENEWAL,
      due: false,
    });
    const onTheDay = await loadAdminOrderView(db(), h.client, placed.number, new Date(Date.UTC(2026, 1, 28)));
    expect(onTheDay?.renewal?.due).toBe(true);
    const oneTime = await physicalOrder();
    expect((await loadAdminOrderView(db(), h.client, oneTime.number))?.renewal).toBeNull();
  });

  it('renews a checked-out subscription for the amount checkout charged and told Amazon as recurring', async () => {
    const placed = await completedOrder(db(), h, {
      slugs: ['monthly-coffee-club'],
      card: '1111',
      shopperTokenHash: 'd'.repeat(64),
    });
    const [order] = await db().select().from(orders).where(eq(orders.number, placed.number));
    if (!order?.placedAt) throw new Error('the checkout did not place the order');
    // 25.00 + standard 5.95 to the US, then 7.25% tax on 30.95 (2.2439).
    expect(order.totalAmount).toBe(2500 + 595 + 224);
    const permission = await h.client.getChargePermission(placed.chargePermissionId);
    expect(permission['recurringMetadata']).toMatchObject({ amount: { amount: '33.19', currencyCode: 'USD' } });

    const next = await nextRenewal(db(), order);
    expect(next).toEqual({ period: 2, dueAt: addCalendarMonths(order.placedAt, 1), amount: money(order.totalAmount, 'USD') });
    const renewal = await chargeAgain(db(), h.client, { orderNumber: placed.number, actor }, next!.dueAt);
    expect(await paymentOf(renewal.amazonObjectId!)).toMatchObject({ state: 'Captured', capturedAmount: order.totalAmount });
    expect(await nextRenewal(db(), order)).toMatchObject({ period: 3, dueAt: addCalendarMonths(order.placedAt, 2) });
    await closeChargePermission(db(), h.client, {
      orderNumber: placed.number,
      reason: 'ended',
      cancelPendingCharges: false,
      actor,
    });
    expect(await nextRenewal(db(), (await orderOf(order.id))!)).toBeNull();
  });
});
