import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AmazonPayClient } from '@/lib/amazon-pay';
import { completeCheckout } from '@/lib/checkout/complete';
import { placeOrder } from '@/lib/checkout/place-order';
import { notificationsReceived, orders, payments } from '@/lib/db/schema';
import { cartWith, placeInput, sessionChosenBy } from '@/test/checkout-fixtures';
import { finishOrderJob } from '@/lib/jobs/order-finish';
import { testDatabaseTargets } from '@/test/databases';
import { storeOnSandbox } from '@/test/store-on-sandbox';
import { NOTIFICATION_MAX_ATTEMPTS, UnmatchedNotificationError, processNotification } from './ipn-inbox';
import { resyncPayments } from './resync';

/**
 * Money taken must never leave an order behind: completion is recorded write-ahead, and
 * whatever happens after Amazon's answer (or instead of it) is finished from the database.
 */

const SHOPPER = 'c'.repeat(64);

describe.each(testDatabaseTargets)('write-ahead completion on $name', (target) => {
  const store = storeOnSandbox(target);
  beforeEach(async () => {
    await store.h.control('DELETE', 'faults');
  });

  /** The shopper's whole way to our result URL, with an order for $29.98 written on the way. */
  async function returnedFromAmazon(card = '1111') {
    const cart = await cartWith(store.db, 'enamel-camp-mug');
    const checkoutSessionId = await sessionChosenBy(store.h, cart, { card, address: 0 });
    const placed = await placeOrder(store.db, store.h.client, await placeInput(store.h.client, cart, checkoutSessionId, SHOPPER));
    expect((await store.h.page(placed.redirectUrl)).status).toBe(303);
    return { checkoutSessionId, number: placed.orderNumber, cartId: cart.id };
  }

  /** A process that dies once `dies` matches a request: from then on nothing it sends gets an answer. */
  function dyingClient(dies: (method: string, url: URL) => 'before' | 'after' | null): AmazonPayClient {
    let dead = false;
    return store.h.clientWith({
      fetch: async (input: string, init: RequestInit) => {
        if (dead) throw new Error('process is gone');
        const moment = dies(init.method ?? 'GET', new URL(input));
        if (moment === 'before') dead = true;
        if (dead) throw new Error('process is gone');
        const response = await store.h.sandbox.fetch(input, init);
        if (moment === 'after') {
          dead = true;
          throw new Error('process is gone');
        }
        return response;
      },
    });
  }

  const orderNamed = async (number: string) => (await store.db.select().from(orders).where(eq(orders.number, number)))[0]!;
  const chargesOf = async (orderId: string) => store.db.select().from(payments).where(eq(payments.orderId, orderId));
  const complete = (client: AmazonPayClient, checkoutSessionId: string, followUp?: (orderId: string) => Promise<void>) =>
    completeCheckout(store.db, client, { checkoutSessionId, shopperTokenHash: SHOPPER }, { followUp });

  it('keeps the link to the payment when getCharge keeps failing, and the resync finishes the order', async () => {
    const { checkoutSessionId, number } = await returnedFromAmazon();
    await store.h.control('POST', 'faults', { operation: 'getCharge', status: 503, count: 4 });
    const followedUp: string[] = [];

    const outcome = await complete(store.h.client, checkoutSessionId, async (orderId) => void followedUp.push(orderId));

    expect(outcome).toEqual({ kind: 'confirming', orderNumber: number });
    const session = await store.h.client.getCheckoutSession(checkoutSessionId);
    const order = await orderNamed(number);
    expect(order).toMatchObject({
      status: 'pending',
      paymentState: 'Completed',
      chargePermissionId: session.chargePermissionId,
      checkoutChargeId: session.chargeId,
    });
    expect(followedUp).toEqual([order.id]);

    const result = await resyncPayments(store.db, store.h.client, { trigger: 'cli', now: store.h.sandbox.clock.now() });
    expect(result.errors).toEqual([]);
    expect(await orderNamed(number)).toMatchObject({ status: 'authorized' });
    expect(await chargesOf(order.id)).toEqual([expect.objectContaining({ chargeId: session.chargeId, authorizedAmount: 2998 })]);
  });

  it('finishes the order when the process died after Amazon completed but before its answer arrived', async () => {
    const { checkoutSessionId, number } = await returnedFromAmazon();
    const dying = dyingClient((method, url) => (method === 'POST' && url.pathname.endsWith('/complete') ? 'after' : null));

    await complete(dying, checkoutSessionId);

    const before = await orderNamed(number);
    expect(before.completionRequestedAt).toBeInstanceOf(Date);
    expect(before).toMatchObject({ status: 'pending', chargePermissionId: null });
    expect((await store.h.client.getCheckoutSession(checkoutSessionId)).statusDetails.state).toBe('Completed');

    // A fresh process on the same database: the scheduled resync.
    const result = await resyncPayments(store.db, store.h.client, { trigger: 'schedule', now: store.h.sandbox.clock.now() });
    expect(result.errors).toEqual([]);
    expect(await orderNamed(number)).toMatchObject({ status: 'authorized', paymentState: 'Authorized' });
    expect(await chargesOf(before.id)).toHaveLength(1);
  });

  it('completes for a shopper whose completion never reached Amazon, with the same key, once', async () => {
    const { checkoutSessionId, number } = await returnedFromAmazon();
    const dying = dyingClient((method, url) => (method === 'POST' && url.pathname.endsWith('/complete') ? 'before' : null));

    expect(await complete(dying, checkoutSessionId)).toEqual({ kind: 'confirming', orderNumber: number });
    expect((await store.h.client.getCheckoutSession(checkoutSessionId)).statusDetails.state).toBe('Open');

    await resyncPayments(store.db, store.h.client, { trigger: 'schedule', now: store.h.sandbox.clock.now() });
    await resyncPayments(store.db, store.h.client, { trigger: 'schedule', now: store.h.sandbox.clock.now() });
    const session = await store.h.client.getCheckoutSession(checkoutSessionId);
    expect(session.statusDetails.state).toBe('Completed');
    const order = await orderNamed(number);
    expect(order).toMatchObject({ status: 'authorized', chargePermissionId: session.chargePermissionId });
    expect(await chargesOf(order.id)).toHaveLength(1);
  });

  it('lets the follow-up job finish an order whose shopper closed the tab, retrying while Amazon is away', async () => {
    const { checkoutSessionId, number } = await returnedFromAmazon();
    const queued: string[] = [];
    await complete(
      dyingClient((method, url) => (method === 'POST' && url.pathname.endsWith('/complete') ? 'before' : null)),
      checkoutSessionId,
      async (orderId) => void queued.push(orderId),
    );
    const [orderId] = queued;
    const context = { db: store.db, amazon: store.h.client, jobId: 'job-1', enqueue: async () => null };

    await store.h.control('POST', 'faults', { operation: 'getCheckoutSession', status: 503, count: 4 });
    // The job fails this run, and pg-boss retries it with backoff.
    await expect(finishOrderJob.run({ orderId: orderId! }, context)).rejects.toMatchObject({ reasonCode: 'ServiceUnavailable' });
    expect(await finishOrderJob.run({ orderId: orderId! }, context)).toEqual({ order: number, status: 'authorized' });
  });

  it('reads throttling that outlasts the retries as "confirming", never as a failed payment', async () => {
    const { checkoutSessionId, number } = await returnedFromAmazon();
    // TINY_RETRY: one try and three retries, all throttled.
    await store.h.control('POST', 'faults', { operation: 'completeCheckoutSession', status: 429, count: 4 });

    expect(await complete(store.h.client, checkoutSessionId)).toEqual({ kind: 'confirming', orderNumber: number });
    await store.h.control('POST', 'faults', { operation: 'completeCheckoutSession', status: 408, count: 4 });
    expect(await complete(store.h.client, checkoutSessionId)).toEqual({ kind: 'confirming', orderNumber: number });

    // Amazon answers again: the shopper's "check again", or the follow-up, completes it.
    const outcome = await complete(store.h.client, checkoutSessionId);
    expect(outcome).toEqual({ kind: 'placed', orderNumber: number, status: 'authorized' });
  });

  it('matches an IPN to an order that never recorded its charge permission, through Amazon’s merchantReferenceId', async () => {
    const { checkoutSessionId, number } = await returnedFromAmazon();
    await complete(
      dyingClient((method, url) => (method === 'POST' && url.pathname.endsWith('/complete') ? 'after' : null)),
      checkoutSessionId,
    );
    const session = await store.h.client.getCheckoutSession(checkoutSessionId);
    await store.db.insert(notificationsReceived).values({
      notificationId: `n-${session.chargeId}`,
      messageId: 'm-link',
      objectType: 'CHARGE',
      objectId: session.chargeId!,
      chargePermissionId: session.chargePermissionId!,
    });

    await processNotification(store.db, store.h.client, `n-${session.chargeId}`);

    expect(await orderNamed(number)).toMatchObject({ status: 'authorized', chargePermissionId: session.chargePermissionId });
    const [row] = await store.db
      .select()
      .from(notificationsReceived)
      .where(eq(notificationsReceived.notificationId, `n-${session.chargeId}`));
    expect(row).toMatchObject({ status: 'processed', attempts: 1 });
  });

  it('never marks an IPN that matches no order as processed; after its last try it waits for a person', async () => {
    // A charge on a permission whose reference is not one of our orders.
    const foreign = await returnedFromAmazon();
    const session = await store.h.client.completeCheckoutSession(foreign.checkoutSessionId, {
      chargeAmount: { amount: '29.98', currencyCode: 'USD' },
    });
    await store.h.client.updateChargePermission(session.chargePermissionId!, {
      merchantMetadata: { merchantReferenceId: 'ELSEWHERE-1' },
    });
    const notificationId = `n-foreign-${session.chargeId}`;
    await store.db.insert(notificationsReceived).values({
      notificationId,
      messageId: 'm-foreign',
      objectType: 'CHARGE',
      objectId: session.chargeId!,
      chargePermissionId: session.chargePermissionId!,
    });
    // The order exists but never heard of this permission, and Amazon's reference names another.
    for (let attempt = 1; attempt <= NOTIFICATION_MAX_ATTEMPTS; attempt += 1) {
      await expect(processNotification(store.db, store.h.client, notificationId)).rejects.toThrow(UnmatchedNotificationError);
      const [row] = await store.db
        .select()
        .from(notificationsReceived)
        .where(eq(notificationsReceived.notificationId, notificationId));
      expect(row).toMatchObject({
        attempts: attempt,
        status: attempt < NOTIFICATION_MAX_ATTEMPTS ? 'received' : 'unmatched',
      });
    }
  });

  it('ends an attempt Amazon canceled, and one whose session expired, so neither waits forever', async () => {
    const canceled = await returnedFromAmazon('1111');
    const abandoned = await sessionAbandonedAtReview();
    await store.h.control('POST', 'faults', { operation: 'completeCheckoutSession', status: 503, count: 4 });
    await complete(store.h.client, canceled.checkoutSessionId);
    // Amazon cancels the session before anyone completes it (24 h later).
    store.h.sandbox.advance(25 * 60 * 60);

    const result = await resyncPayments(store.db, store.h.client, { trigger: 'schedule', now: store.h.sandbox.clock.now() });

    expect(result.errors).toEqual([]);
    expect(await orderNamed(canceled.number)).toMatchObject({ status: 'canceled', lastReasonCode: 'Expired', placedAt: null });
    expect(await orderNamed(abandoned)).toMatchObject({ status: 'canceled', lastReasonCode: 'Expired', placedAt: null });
  });

  /** Place order pressed, but the shopper never went on to Amazon's page. */
  async function sessionAbandonedAtReview(): Promise<string> {
    const cart = await cartWith(store.db, 'linen-apron');
    const checkoutSessionId = await sessionChosenBy(store.h, cart, { card: '1111', address: 0 });
    return (await placeOrder(store.db, store.h.client, await placeInput(store.h.client, cart, checkoutSessionId, SHOPPER)))
      .orderNumber;
  }
});
