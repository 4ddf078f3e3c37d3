import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/connection';
import { adminOperations, orders } from '@/lib/db/schema';
import { testDatabaseTargets } from '@/test/databases';

// The migration's last statement marks orders shipped whose tracking Amazon accepted before the column existed.
const migration = readFileSync(path.join(process.cwd(), 'lib/db/migrations/0013_order_fulfilment.sql'), 'utf8');
const backfill = migration.split('--> statement-breakpoint').at(-1)!;

describe.each(testDatabaseTargets)('the fulfilment backfill on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  it('ships each tracked order with its latest accepted parcel and leaves the rest unfulfilled', async () => {
    const base = {
      status: 'paid' as const,
      paymentState: 'Captured' as const,
      currency: 'USD' as const,
      subtotalAmount: 100,
      shippingAmount: 0,
      taxAmount: 0,
      totalAmount: 100,
    };
    const [tracked, untracked] = await handle.db
      .insert(orders)
      .values([
        { ...base, number: 'NW-900001' },
        { ...base, number: 'NW-900002' },
      ])
      .returning();
    const operation = (key: string, orderId: string, status: string, trackingNumber: string, createdAt: Date) => ({
      idempotencyKey: key,
      orderId,
      kind: 'delivery_tracking',
      status,
      actor: 'admin@example.com',
      request: { chargePermissionId: 'P', carrierCode: 'UPS', trackingNumber },
      createdAt,
    });
    await handle.db
      .insert(adminOperations)
      .values([
        operation('a', tracked!.id, 'succeeded', 'FIRST', new Date('2026-01-01T00:00:00Z')),
        operation('b', tracked!.id, 'succeeded', 'LATEST', new Date('2026-01-02T00:00:00Z')),
        operation('c', tracked!.id, 'failed', 'REFUSED', new Date('2026-01-03T00:00:00Z')),
        operation('d', untracked!.id, 'failed', 'NEVER', new Date('2026-01-01T00:00:00Z')),
      ]);

    await handle.db.execute(sql.raw(backfill));

    const [shipped] = await handle.db.select().from(orders).where(eq(orders.id, tracked!.id));
    expect(shipped).toMatchObject({
      fulfilmentStatus: 'shipped',
      shippingCarrier: 'UPS',
      trackingNumber: 'LATEST',
      shippedAt: new Date('2026-01-02T00:00:00Z'),
    });
    const [waiting] = await handle.db.select().from(orders).where(eq(orders.id, untracked!.id));
    expect(waiting).toMatchObject({ fulfilmentStatus: 'unfulfilled', trackingNumber: null, shippedAt: null });
  });
});
