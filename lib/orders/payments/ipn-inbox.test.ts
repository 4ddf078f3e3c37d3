import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notificationsReceived, orders, payments, refunds } from '@/lib/db/schema';
import { createSnsVerifier, InvalidNotificationError, type AmazonPayNotification } from '@/lib/amazon-pay/ipn';
import { completedOrder } from '@/test/checkout-fixtures';
import { testDatabaseTargets } from '@/test/databases';
import { storeOnSandbox } from '@/test/store-on-sandbox';
import { processNotification, recordNotification } from './ipn-inbox';

const SHOPPER = 'c'.repeat(64);

describe.each(testDatabaseTargets)('IPN handling on $name', (target) => {
  const store = storeOnSandbox(target);

  const authorizedOrder = () =>
    completedOrder(store.db, store.h, { slugs: ['enamel-camp-mug'], card: '1111', shopperTokenHash: SHOPPER });

  function messagesFor(objectId: string): AmazonPayNotification[] {
    return store.h.sandbox
      .notifications()
      .filter((record) => record.message.ObjectId === objectId)
      .map((record) => record.message);
  }

  async function deliver(message: AmazonPayNotification): Promise<void> {
    if (await recordNotification(store.db, `msg-${message.NotificationId}`, message)) {
      await processNotification(store.db, store.h.client, message.NotificationId);
    }
  }

  async function orderState(number: string) {
    const [order] = await store.db.select().from(orders).where(eq(orders.number, number));
    const charges = await store.db.select().from(payments).where(eq(payments.orderId, order!.id));
    const refundRows = charges[0] ? await store.db.select().from(refunds).where(eq(refunds.paymentId, charges[0].id)) : [];
    return { status: order!.status, charges, refunds: refundRows };
  }

  it('re-reads the charge for a notification, and a duplicate changes nothing', async () => {
    const { number, chargeId } = await authorizedOrder();
    // Amazon captures behind our back (say, from Seller Central); only the IPN tells us.
    await store.h.client.captureCharge(
      chargeId,
      { captureAmount: { amount: '29.55', currencyCode: 'USD' } },
      { idempotencyKey: 'capture-from-elsewhere-1' },
    );
    const [captured] = messagesFor(chargeId).slice(-1);
    await deliver(captured!);
    expect((await orderState(number)).status).toBe('paid');
    await deliver(captured!);
    await deliver(captured!);
    const [row] = await store.db
      .select()
      .from(notificationsReceived)
      .where(eq(notificationsReceived.notificationId, captured!.NotificationId));
    expect(row).toMatchObject({ status: 'processed', attempts: 1 });
  });

  it('reaches the same state whatever order notifications arrive in', async () => {
    const { number, chargeId } = await authorizedOrder();
    await store.h.client.captureCharge(
      chargeId,
      { captureAmount: { amount: '29.55', currencyCode: 'USD' } },
      { idempotencyKey: 'capture-ooo-1' },
    );
    const refund = await store.h.client.createRefund(
      { chargeId, refundAmount: { amount: '10.00', currencyCode: 'USD' } },
      { idempotencyKey: 'refund-ooo-1' },
    );
    await store.h.sandbox.advance(60);
    const all = [...messagesFor(chargeId), ...messagesFor(refund.refundId)];
    // Newest first: the refund's final state before the capture that preceded it.
    for (const message of [...all].reverse()) await deliver(message);
    const state = await orderState(number);
    expect(state.status).toBe('partially_refunded');
    expect(state.charges[0]).toMatchObject({ state: 'Captured', capturedAmount: 2955, refundedAmount: 1000 });
    expect(state.refunds).toEqual([expect.objectContaining({ refundId: refund.refundId, state: 'Refunded', amount: 1000 })]);
  });

  it('refuses a forged or replayed-with-changes notification before touching anything', async () => {
    const verifier = createSnsVerifier({
      allowedCertHosts: ['sandbox.test'],
      allowInsecureCertUrl: true,
      fetch: (input, init) => store.h.sandbox.fetch(input, init ?? {}),
    });
    const { chargeId } = await authorizedOrder();
    const record = store.h.sandbox.notifications().find((candidate) => candidate.message.ObjectId === chargeId)!;
    await expect(verifier.verify(JSON.stringify(record.envelope))).resolves.toMatchObject({ kind: 'notification' });
    const forged = { ...record.envelope, Message: record.envelope.Message.replace(chargeId, 'S01-0000000-0000000-C000000') };
    await expect(verifier.verify(JSON.stringify(forged))).rejects.toBeInstanceOf(InvalidNotificationError);
  });
});
