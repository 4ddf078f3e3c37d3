import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/connection';
import { adminOperations, emailOutbox, payments } from '@/lib/db/schema';
import { getConfig } from '@/lib/config';
import { refreshOrderFromAmazon } from '@/lib/orders/payments/refresh';
import { testDatabaseTargets } from '@/test/databases';
import type { PlacedTestOrder } from '@/test/payment-operations';
import { openSubscriptionStore } from '@/test/subscriptions';
import { attemptsAt, type Harness } from '@/test/sandbox-harness';
import { MAX_RENEWAL_ATTEMPTS, RENEWAL_RETRY_HOURS, renewDueSubscriptions } from './renewals';

const PLACED_AT = new Date(Date.UTC(2026, 0, 31, 15));
const DUE = new Date(Date.UTC(2026, 1, 28));
const HOUR = 3_600_000;

describe.each(testDatabaseTargets)('automatic subscription renewals on $name', (target) => {
  let handle: DatabaseHandle;
  let h: Harness;
  let placed: PlacedTestOrder;

  beforeEach(async () => {
    ({ handle, h, placed } = await openSubscriptionStore(target, PLACED_AT));
  });
  afterEach(async () => handle?.close());

  const renewalCharges = () => attemptsAt(h, 'POST', /^charges$/);
  const mailsOf = (kind: string) =>
    handle.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.orderId, placed.orderId))
      .then((rows) => rows.filter((row) => row.kind === kind));
  const renewalsOf = () => handle.db.select().from(adminOperations).where(eq(adminOperations.orderId, placed.orderId));

  it('charges nothing before the next period is due', async () => {
    const result = await renewDueSubscriptions(handle.db, h.client, new Date(DUE.getTime() - 1));
    expect(result).toMatchObject({ subscriptions: 1, charged: 0, failed: 0 });
    expect(renewalCharges()).toHaveLength(0);
    expect(await renewalsOf()).toHaveLength(0);
  });

  it('charges a due period once, as the system, however many runs overlap or follow', async () => {
    const [a, b] = await Promise.all([
      renewDueSubscriptions(handle.db, h.client, DUE),
      renewDueSubscriptions(handle.db, h.client, DUE),
    ]);
    expect(a.charged + b.charged).toBeGreaterThanOrEqual(1);
    const later = await renewDueSubscriptions(handle.db, h.client, new Date(DUE.getTime() + HOUR));
    expect(later.charged).toBe(0);
    expect(renewalCharges()).toHaveLength(1);
    const [renewal] = await renewalsOf();
    expect(renewal).toMatchObject({ kind: 'charge_again', status: 'succeeded', actor: 'system' });
    const [charge] = await handle.db.select().from(payments).where(eq(payments.chargeId, renewal!.amazonObjectId!));
    // 24.00 + 5.95 standard shipping, 7.25% US tax on both (2.17).
    expect(charge).toMatchObject({ state: 'Captured', capturedAmount: 2400 + 595 + 217 });
    const [renewed, ...more] = await mailsOf('subscription_renewed');
    expect(more).toHaveLength(0);
    expect(renewed).toMatchObject({ recipient: 'jane@example.com', occasion: 'period-2' });
    expect(renewed!.text).toContain('charged $32.12 for month 2');
    expect(renewed!.text).toContain('Next charge: March 31, 2026.');
    expect(renewed!.text).toMatch(/Cancel subscription.+\/account/);
  });

  it('tries a declined period again a day later, and stops after the last allowed try', async () => {
    const declining = {
      ...h.client,
      createCharge: (...[request, options]: Parameters<typeof h.client.createCharge>) =>
        h.client.createCharge(request, { ...options, simulationCode: 'SoftDeclined' }),
    };
    let now = DUE;
    for (let attempt = 0; attempt < MAX_RENEWAL_ATTEMPTS; attempt += 1) {
      await renewDueSubscriptions(handle.db, declining, now);
      h.sandbox.advance(60);
      await refreshOrderFromAmazon(handle.db, h.client, placed.number);
      // The next hourly run is too soon to try the declined period again.
      await renewDueSubscriptions(handle.db, declining, new Date(now.getTime() + HOUR));
      expect(renewalCharges()).toHaveLength(attempt + 1);
      now = new Date(now.getTime() + RENEWAL_RETRY_HOURS * HOUR);
    }
    const afterLast = await renewDueSubscriptions(handle.db, h.client, now);
    expect(afterLast).toMatchObject({ charged: 0, givenUp: 1 });
    expect(renewalCharges()).toHaveLength(MAX_RENEWAL_ATTEMPTS);
    expect((await renewalsOf()).map((row) => row.idempotencyKey)).toHaveLength(MAX_RENEWAL_ATTEMPTS);

    // Giving up tells the shopper and the merchant once each, however often the job runs after.
    await Promise.all([
      renewDueSubscriptions(handle.db, h.client, new Date(now.getTime() + HOUR)),
      renewDueSubscriptions(handle.db, h.client, new Date(now.getTime() + HOUR)),
    ]);
    const failed = await mailsOf('subscription_renewal_failed');
    expect(failed.map((row) => [row.recipient, row.occasion]).sort()).toEqual(
      [
        ['jane@example.com', 'period-2'],
        [getConfig().email.merchant, 'period-2:merchant'],
      ].sort(),
    );
    expect(failed.find((row) => row.occasion === 'period-2')!.text).toContain(
      `We tried ${MAX_RENEWAL_ATTEMPTS} times to charge $32.12 for month 2`,
    );
    expect(failed.find((row) => row.occasion === 'period-2:merchant')!.text).toContain(`/admin/orders/${placed.number}`);
    expect(await mailsOf('subscription_renewed')).toHaveLength(0);
  });
});
