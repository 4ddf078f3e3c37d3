import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/connection';
import { adminOperations } from '@/lib/db/schema';
import { NotFoundError } from '@/lib/errors';
import { testDatabaseTargets } from '@/test/databases';
import type { PlacedTestOrder } from '@/test/payment-operations';
import { openSubscriptionStore } from '@/test/subscriptions';
import { attemptsAt, type Harness } from '@/test/sandbox-harness';
import { cancelSubscriptionFor, listSubscriptionsFor } from './shopper';

const OWNER = { shopperTokenHash: 'owner-browser', buyerId: null };
const SIGNED_IN_OWNER = { shopperTokenHash: 'another-browser', buyerId: 'amzn1.account.JANE' };
const STRANGER = { shopperTokenHash: 'stranger-browser', buyerId: 'amzn1.account.MAX' };

describe.each(testDatabaseTargets)("the shopper's subscriptions on $name", (target) => {
  let handle: DatabaseHandle;
  let h: Harness;
  let placed: PlacedTestOrder;

  beforeEach(async () => {
    ({ handle, h, placed } = await openSubscriptionStore(target, new Date(Date.UTC(2026, 0, 31, 15)), {
      browserTokenHash: OWNER.shopperTokenHash,
      buyerId: SIGNED_IN_OWNER.buyerId,
    }));
  });
  afterEach(async () => handle?.close());

  const closeCalls = () => attemptsAt(h, 'DELETE', /^chargePermissions\/.+\/close$/);

  it('lists a subscription for its browser and its Amazon buyer, with the next charge, and for no one else', async () => {
    for (const viewer of [OWNER, SIGNED_IN_OWNER]) {
      expect(await listSubscriptionsFor(handle.db, viewer)).toEqual([
        expect.objectContaining({
          number: placed.number,
          state: 'active',
          next: expect.objectContaining({ period: 2, dueAt: new Date(Date.UTC(2026, 1, 28)) }),
        }),
      ]);
    }
    expect(await listSubscriptionsFor(handle.db, STRANGER)).toEqual([]);
    expect(await listSubscriptionsFor(handle.db, { shopperTokenHash: null, buyerId: null })).toEqual([]);
  });

  it("refuses to cancel someone else's subscription, as if it did not exist", async () => {
    await expect(
      cancelSubscriptionFor(handle.db, h.client, STRANGER, { number: placed.number, reason: 'Not mine' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(closeCalls()).toHaveLength(0);
    expect(await handle.db.select().from(adminOperations).where(eq(adminOperations.orderId, placed.orderId))).toHaveLength(0);
  });

  it("closes the owner's charge permission at Amazon with their reason, and it renews no more", async () => {
    await cancelSubscriptionFor(handle.db, h.client, OWNER, { number: placed.number, reason: 'Too much coffee' });
    expect(closeCalls()).toHaveLength(1);
    const permission = await h.client.getChargePermission(placed.chargePermissionId);
    expect(permission.statusDetails.state).toBe('Closed');
    const [operation] = await handle.db.select().from(adminOperations).where(eq(adminOperations.orderId, placed.orderId));
    expect(operation).toMatchObject({ kind: 'close_charge_permission', actor: 'shopper', status: 'succeeded' });
    expect(operation?.request).toMatchObject({ reason: 'Too much coffee' });
    const [listed] = await listSubscriptionsFor(handle.db, OWNER);
    expect(listed).toMatchObject({ state: 'cancelled', next: null });
  });
});
