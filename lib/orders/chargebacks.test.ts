import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AmazonPayNotification } from '@/lib/amazon-pay/ipn';
import { notificationsReceived, orders, paymentEvents } from '@/lib/db/schema';
import { processNotification, recordNotification } from '@/lib/orders/payments/ipn-inbox';
import { completedOrder } from '@/test/checkout-fixtures';
import { testDatabaseTargets } from '@/test/databases';
import { storeOnSandbox } from '@/test/store-on-sandbox';
import { loadAdminOrderView } from './admin/order-view';
import { CHARGEBACK_EVENT } from './chargebacks';

// ObjectType CHARGEBACK (https://developer.amazon.com/docs/amazon-pay-checkout/set-up-instant-payment-notifications.html):
// the notice is all Amazon gives a merchant, so it is recorded on the order.
describe.each(testDatabaseTargets)('chargeback notifications on $name', (target) => {
  const store = storeOnSandbox(target);

  async function chargebackMessage(chargeId: string): Promise<AmazonPayNotification> {
    const response = await store.h.sandbox.handle(
      new Request('http://sandbox.test/__sandbox/notifications', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ objectType: 'CHARGEBACK', chargeId }),
      }),
    );
    expect(response.status).toBe(201);
    return ((await response.json()) as { message: AmazonPayNotification }).message;
  }

  async function deliver(message: AmazonPayNotification): Promise<void> {
    if (await recordNotification(store.db, `msg-${message.NotificationId}`, message))
      await processNotification(store.db, store.h.client, message.NotificationId);
  }

  it('records the chargeback on the order once, however often Amazon redelivers it', async () => {
    const { number, chargeId, chargePermissionId } = await completedOrder(store.db, store.h, {
      slugs: ['enamel-camp-mug'],
      card: '1111',
      shopperTokenHash: 'd'.repeat(64),
    });
    const message = await chargebackMessage(chargeId);
    await deliver(message);
    // A redelivery under a fresh NotificationId names the same chargeback.
    await deliver({ ...message, NotificationId: `${message.NotificationId}-again` });

    const [order] = await store.db.select().from(orders).where(eq(orders.number, number));
    const events = await store.db
      .select()
      .from(paymentEvents)
      .where(and(eq(paymentEvents.orderId, order!.id), eq(paymentEvents.type, CHARGEBACK_EVENT)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: 'amazon',
      amazonObjectId: message.ObjectId,
      detail: { notificationId: message.NotificationId, chargePermissionId },
    });
    // The admin order page marks the order with it.
    const view = await loadAdminOrderView(store.db, store.h.client, number);
    expect(view?.chargebacks).toEqual([{ chargebackId: message.ObjectId, receivedAt: events[0]!.createdAt.toISOString() }]);
  });

  it('leaves a chargeback no order holds unprocessed', async () => {
    const message: AmazonPayNotification = {
      MerchantID: 'M',
      ObjectType: 'CHARGEBACK',
      ObjectId: 'S01-0000000-0000009-B000001',
      ChargePermissionId: 'S01-0000000-0000009',
      NotificationType: 'STATE_CHANGE',
      NotificationId: 'chargeback-unmatched',
      NotificationVersion: 'V2',
    };
    await recordNotification(store.db, 'msg-chargeback-unmatched', message);
    // Amazon does not know the permission either, so nothing can match it; the notice waits, unprocessed.
    await expect(processNotification(store.db, store.h.client, message.NotificationId)).rejects.toThrow();
    const [row] = await store.db
      .select()
      .from(notificationsReceived)
      .where(eq(notificationsReceived.notificationId, message.NotificationId));
    expect(row?.status).not.toBe('processed');
    const events = await store.db.select().from(paymentEvents).where(eq(paymentEvents.type, CHARGEBACK_EVENT));
    expect(events.map((event) => event.amazonObjectId)).not.toContain(message.ObjectId);
  });
});
