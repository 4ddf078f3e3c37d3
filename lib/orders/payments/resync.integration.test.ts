import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/connection';
import { notificationsReceived, orders, payments, resyncRuns, refunds } from '@/lib/db/schema';
import { checkoutUntilReturn, createHarness, usd, type BuyerChoice, type Harness } from '@/test/sandbox-harness';
import { testDatabaseTargets } from '@/test/databases';
import { resyncPayments } from './resync';
import { recordCharge } from './sync';

/**
 * Lost notifications, repaired: Amazon moves a payment on, the IPN never arrives (or
 * arrives and is never processed), and a resync run brings our rows in line.
 */

describe.each(testDatabaseTargets)('resync against the sandbox on $name', (target) => {
  let handle: DatabaseHandle;
  let h: Harness;

  // One sandbox for the file, so orders left unsettled by one test stay readable in the next.
  beforeAll(async () => {
    handle = await target.open();
    h = await createHarness();
  });
  afterAll(async () => handle?.close());

  async function placedOrder(choice: BuyerChoice, values: Partial<typeof orders.$inferInsert> = {}) {
    const checkoutSessionId = await checkoutUntilReturn(h, choice);
    const session = await h.client.completeCheckoutSession(checkoutSessionId, { chargeAmount: usd(choice.amount ?? '50.00') });
    const [order] = await handle.db
      .insert(orders)
      .values({
        status: 'pending',
        paymentState: 'Completed',
        currency: 'USD',
        subtotalAmount: 5000,
        shippingAmount: 0,
        taxAmount: 0,
        totalAmount: 5000,
        checkoutSessionId,
        chargePermissionId: session.chargePermissionId ?? null,
        ...values,
      })
      .returning();
    return { order: order!, chargeId: session.chargeId ?? '', chargePermissionId: session.chargePermissionId ?? '' };
  }

  const orderNow = async (id: string) => (await handle.db.select().from(orders).where(eq(orders.id, id)))[0]!;

  it('repairs a charge whose AuthorizationInitiated → Authorized notification was lost', async () => {
    const { order, chargePermissionId } = await placedOrder({ paymentIntent: 'Confirm' });
    const pending = await h.client.createCharge(
      { chargePermissionId, chargeAmount: usd('50.00'), canHandlePendingAuthorization: true },
      { simulationCode: 'AuthorizationInitiated' },
    );
    await recordCharge(handle.db, pending, 'shopper');
    expect((await orderNow(order.id)).status).toBe('payment_processing');

    h.sandbox.advance(30); // Amazon authorizes; the IPN never reaches us.
    const result = await resyncPayments(handle.db, h.client, { trigger: 'cli' });

    expect(result.errors).toEqual([]);
    expect(result.changes).toContainEqual({
      number: order.number,
      before: { status: 'payment_processing', paymentState: 'AuthorizationInitiated', chargePermissionState: null },
      after: { status: 'authorized', paymentState: 'Authorized', chargePermissionState: 'Chargeable' },
    });
    const [run] = await handle.db.select().from(resyncRuns).where(eq(resyncRuns.id, result.runId));
    expect(run).toMatchObject({ trigger: 'cli', status: 'succeeded', ordersChanged: result.changes.length });
    expect(run?.finishedAt).toBeInstanceOf(Date);
  });

  it('finds the charge of a pending order that never heard of it, through the checkout session', async () => {
    const { order, chargeId } = await placedOrder({ paymentIntent: 'Authorize' });
    expect((await resyncPayments(handle.db, h.client, { trigger: 'admin' })).errors).toEqual([]);
    expect((await orderNow(order.id)).status).toBe('authorized');
    const [payment] = await handle.db.select().from(payments).where(eq(payments.chargeId, chargeId));
    expect(payment).toMatchObject({ orderId: order.id, state: 'Authorized', authorizedAmount: 5000 });
  });

  it('processes a notification recorded over a minute ago but never processed, and leaves a fresh one to its route', async () => {
    const { order, chargeId } = await placedOrder({ paymentIntent: 'AuthorizeWithCapture' });
    await recordCharge(handle.db, await h.client.getCharge(chargeId), 'shopper');
    expect((await orderNow(order.id)).status).toBe('paid');
    const refund = await h.client.createRefund({ chargeId, refundAmount: usd('50.00') });
    // Recorded by the IPN route, which then crashed before processing it.
    await handle.db.insert(notificationsReceived).values([
      {
        notificationId: `n-old-${refund.refundId}`,
        messageId: 'm1',
        objectType: 'REFUND',
        objectId: refund.refundId,
        receivedAt: new Date(Date.now() - 120_000),
      },
      { notificationId: `n-new-${refund.refundId}`, messageId: 'm2', objectType: 'REFUND', objectId: refund.refundId },
    ]);
    h.sandbox.advance(30);

    const result = await resyncPayments(handle.db, h.client, { trigger: 'cli' });

    expect(result.errors).toEqual([]);
    expect(result.notificationsProcessed).toBe(1);
    const [old] = await handle.db
      .select()
      .from(notificationsReceived)
      .where(eq(notificationsReceived.notificationId, `n-old-${refund.refundId}`));
    const [fresh] = await handle.db
      .select()
      .from(notificationsReceived)
      .where(eq(notificationsReceived.notificationId, `n-new-${refund.refundId}`));
    expect([old?.status, fresh?.status]).toEqual(['processed', 'received']);
    expect((await handle.db.select().from(refunds).where(eq(refunds.refundId, refund.refundId)))[0]?.state).toBe('Refunded');
    expect((await orderNow(order.id)).status).toBe('refunded');
  });

  it('re-reads a refund still RefundInitiated on our side, and changes nothing on a second run', async () => {
    const { order, chargeId } = await placedOrder({ paymentIntent: 'AuthorizeWithCapture' });
    await recordCharge(handle.db, await h.client.getCharge(chargeId), 'shopper');
    const refund = await h.client.createRefund({ chargeId, refundAmount: usd('20.00') });
    const [payment] = await handle.db.select().from(payments).where(eq(payments.chargeId, chargeId));
    await handle.db
      .insert(refunds)
      .values({ paymentId: payment!.id, refundId: refund.refundId, state: 'RefundInitiated', currency: 'USD', amount: 2000 });
    h.sandbox.advance(30);

    const first = await resyncPayments(handle.db, h.client, { trigger: 'cli' });
    expect(first.errors).toEqual([]);
    expect(first.changes.find((change) => change.number === order.number)?.after.status).toBe('partially_refunded');
    const second = await resyncPayments(handle.db, h.client, { trigger: 'cli' });
    expect(second.changes.find((change) => change.number === order.number)).toBeUndefined();
  });

  it('records an Amazon failure per order and carries on', async () => {
    const { order } = await placedOrder({ paymentIntent: 'Confirm' }, { chargePermissionId: 'S01-0000000-9999999' });
    const result = await resyncPayments(handle.db, h.client, { trigger: 'cli' });
    expect(result.status).toBe('failed');
    expect(result.errors.map((error) => error.subject)).toContain(order.number);
    const [run] = await handle.db.select().from(resyncRuns).where(eq(resyncRuns.id, result.runId));
    expect(run?.status).toBe('failed');
    // Leave the bad order settled so later tests in this file start clean.
    await handle.db.update(orders).set({ status: 'canceled' }).where(eq(orders.id, order.id));
  });
});
