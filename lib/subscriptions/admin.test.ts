import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/connection';
import { adminOperations, emailOutbox, orders } from '@/lib/db/schema';
import { NotFoundError } from '@/lib/errors';
import { refreshOrderFromAmazon } from '@/lib/orders/payments/refresh';
import { testDatabaseTargets } from '@/test/databases';
import { placeTestOrder, type PlacedTestOrder } from '@/test/payment-operations';
import { openSubscriptionStore } from '@/test/subscriptions';
import { attemptsAt, type Harness } from '@/test/sandbox-harness';
import { cancelSubscriptionAsMerchant, listAdminSubscriptions, loadAdminSubscription } from './admin';
import { MAX_RENEWAL_ATTEMPTS, RENEWAL_RETRY_HOURS, renewDueSubscriptions } from './renewals';

const PLACED_AT = new Date(Date.UTC(2026, 0, 31, 15));
const DUE = new Date(Date.UTC(2026, 1, 28));
const HOUR = 3_600_000;
// 24.00 + 5.95 standard shipping, 7.25% US tax on both (2.17).
const RENEWAL = { amount: 2400 + 595 + 217, currency: 'USD' };

describe.each(testDatabaseTargets)('the admin subscriptions on $name', (target) => {
  let handle: DatabaseHandle;
  let h: Harness;
  let placed: PlacedTestOrder;

  beforeEach(async () => {
    ({ handle, h, placed } = await openSubscriptionStore(target, PLACED_AT));
  });
  afterEach(async () => handle?.close());

  const declining = () => ({
    ...h.client,
    createCharge: (...[request, options]: Parameters<typeof h.client.createCharge>) =>
      h.client.createCharge(request, { ...options, simulationCode: 'SoftDeclined' }),
  });

  /** One renewal run at `now` whose charge Amazon declines, recorded as the IPN would. */
  async function declinedRun(now: Date) {
    await renewDueSubscriptions(handle.db, declining(), now);
    h.sandbox.advance(60);
    await refreshOrderFromAmazon(handle.db, h.client, placed.number);
  }

  it('lists every subscription, and no one-time order, with its shopper, product, amount and next charge', async () => {
    await placeTestOrder(handle.db, h, [{ slug: 'enamel-camp-mug', kind: 'physical', unitPrice: 1800, quantity: 1 }]);
    const listed = await listAdminSubscriptions(handle.db);
    expect(listed).toEqual([
      expect.objectContaining({
        number: placed.number,
        state: 'active',
        buyerName: 'Jane Doe',
        buyerEmail: 'jane@example.com',
        product: 'monthly-coffee-club',
        recurringAmount: RENEWAL,
        frequency: 'Every month',
        nextPeriod: 2,
        nextChargeAt: DUE,
        declinedTries: 0,
      }),
    ]);
  });

  it("shows each period's charge, a renewal the job made, and the next period after it", async () => {
    await renewDueSubscriptions(handle.db, h.client, DUE);
    const detail = await loadAdminSubscription(handle.db, placed.number);
    expect(detail.history).toEqual([
      expect.objectContaining({ period: 1, attempt: 0, chargeId: placed.chargeId, actor: 'shopper', at: PLACED_AT }),
      expect.objectContaining({ period: 2, attempt: 0, state: 'Captured', amount: RENEWAL, actor: 'system' }),
    ]);
    expect(detail).toMatchObject({ state: 'active', nextPeriod: 3, nextChargeAt: new Date(Date.UTC(2026, 2, 31)) });
  });

  it('marks a declined renewal as failing with its next try, then stopped once every try is declined', async () => {
    await declinedRun(DUE);
    const failing = await loadAdminSubscription(handle.db, placed.number);
    expect(failing).toMatchObject({
      state: 'renewal_failing',
      declinedTries: 1,
      nextPeriod: 2,
      nextChargeAt: new Date(DUE.getTime() + RENEWAL_RETRY_HOURS * HOUR),
    });
    expect(failing.history[1]).toMatchObject({ period: 2, attempt: 0, state: 'Declined', reasonCode: 'SoftDeclined' });

    for (let attempt = 1; attempt < MAX_RENEWAL_ATTEMPTS; attempt += 1) {
      await declinedRun(new Date(DUE.getTime() + attempt * RENEWAL_RETRY_HOURS * HOUR));
    }
    const stopped = await loadAdminSubscription(handle.db, placed.number);
    expect(stopped).toMatchObject({ state: 'renewal_stopped', declinedTries: MAX_RENEWAL_ATTEMPTS, nextChargeAt: null });
    expect(stopped.history.map((charge) => [charge.period, charge.attempt, charge.state])).toEqual([
      [1, 0, 'Authorized'],
      ...Array.from({ length: MAX_RENEWAL_ATTEMPTS }, (_, attempt) => [2, attempt, 'Declined']),
    ]);
  });

  it('lets the merchant cancel with a reason: the permission is closed at Amazon and nothing is due any more', async () => {
    await cancelSubscriptionAsMerchant(handle.db, h.client, {
      number: placed.number,
      reason: 'Shopper asked by phone',
      actor: 'admin@example.com',
    });
    expect(attemptsAt(h, 'DELETE', /^chargePermissions\/.+\/close$/)).toHaveLength(1);
    const [operation] = await handle.db.select().from(adminOperations).where(eq(adminOperations.orderId, placed.orderId));
    expect(operation).toMatchObject({ kind: 'close_charge_permission', actor: 'admin@example.com', status: 'succeeded' });
    expect(operation?.request).toMatchObject({ reason: 'Shopper asked by phone' });
    const [listed] = await listAdminSubscriptions(handle.db);
    expect(listed).toMatchObject({ state: 'cancelled', nextChargeAt: null, recurringAmount: RENEWAL });
    // The shopper hears of it once, however often Amazon's closed state is read again.
    await refreshOrderFromAmazon(handle.db, h.client, placed.number);
    const mails = await handle.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.orderId, placed.orderId), eq(emailOutbox.kind, 'subscription_cancelled')));
    expect(mails.map((mail) => mail.recipient)).toEqual(['jane@example.com']);
    expect(mails[0]!.text).toContain('will not charge the $32.12 a month again');
  });

  it('knows no subscription for a one-time order or an unknown number', async () => {
    const oneTime = await placeTestOrder(handle.db, h, [
      { slug: 'enamel-camp-mug', kind: 'physical', unitPrice: 1800, quantity: 1 },
    ]);
    await expect(loadAdminSubscription(handle.db, oneTime.number)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadAdminSubscription(handle.db, 'NW-999999')).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      cancelSubscriptionAsMerchant(handle.db, h.client, { number: oneTime.number, reason: 'x', actor: 'admin' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const [order] = await handle.db.select().from(orders).where(eq(orders.id, oneTime.orderId));
    expect(order?.chargePermissionState).not.toBe('Closed');
  });
});
