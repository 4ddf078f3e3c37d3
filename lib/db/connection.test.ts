import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '@/lib/catalog/seed';
import { SEED_PRODUCTS } from '@/lib/catalog/seed-data';
import { listActiveProducts } from '@/lib/catalog/queries';
import { testDatabaseTargets } from '@/test/databases';
import { DatabaseUnreachableError, openDatabase, type DatabaseHandle } from './connection';
import { orders, paymentEvents, products } from './schema';

describe.each(testDatabaseTargets)('database on $name', (target) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  it('applies the migrations and seeds the catalog once', async () => {
    await seedCatalog(handle.db, 'USD');
    await seedCatalog(handle.db, 'USD');
    const products = await listActiveProducts(handle.db);
    expect(products).toHaveLength(SEED_PRODUCTS.length);
    expect(products.length).toBeGreaterThanOrEqual(8);
    expect(new Set(products.map((product) => product.kind))).toEqual(new Set(['physical', 'digital', 'subscription']));
    expect(products.every((product) => Number.isInteger(product.price.amount))).toBe(true);
  });

  it('gives a demo product seeded before it had a file its file, and never replaces a file set since', async () => {
    const fileOf = async (slug: string) =>
      (await handle.db.select({ file: products.downloadFile }).from(products).where(eq(products.slug, slug)))[0]?.file;
    const digital = SEED_PRODUCTS.filter((product) => product.downloadFile);
    expect(digital.length).toBeGreaterThan(0);
    const [guide] = digital;
    await handle.db.update(products).set({ downloadFile: null }).where(eq(products.slug, guide!.slug));
    await handle.db.update(products).set({ downloadFile: 'merchant/own.pdf' }).where(eq(products.slug, 'linen-apron'));
    await seedCatalog(handle.db, 'USD');
    expect(await fileOf(guide!.slug)).toBe(guide!.downloadFile);
    expect(await fileOf('linen-apron')).toBe('merchant/own.pdf');

    await handle.db.update(products).set({ downloadFile: 'merchant/new-edition.pdf' }).where(eq(products.slug, guide!.slug));
    await seedCatalog(handle.db, 'USD');
    expect(await fileOf(guide!.slug)).toBe('merchant/new-edition.pdf');
  });

  it('keeps the payment event log append-only', async () => {
    const [event] = await handle.db
      .insert(paymentEvents)
      .values({ type: 'test', actor: 'system', detail: { note: 'evidence' } })
      .returning();
    const refusal = { cause: { message: expect.stringMatching(/append-only/) } };
    await expect(
      handle.db
        .update(paymentEvents)
        .set({ type: 'changed' })
        .where(sql`id = ${event!.id}`),
    ).rejects.toMatchObject(refusal);
    await expect(handle.db.delete(paymentEvents).where(sql`id = ${event!.id}`)).rejects.toMatchObject(refusal);
  });

  it('refuses an order whose total does not add up', async () => {
    await expect(
      handle.db.insert(orders).values({
        number: 'NW-TEST-1',
        status: 'pending',
        paymentState: 'none',
        currency: 'USD',
        subtotalAmount: 1000,
        shippingAmount: 500,
        taxAmount: 0,
        totalAmount: 1400,
      }),
    ).rejects.toThrow();
  });
});

describe('an unreachable PostgreSQL', () => {
  it('stops with a message that names DATABASE_URL and the server, never the password', async () => {
    const failure = openDatabase('postgres://shop:hunter2-secret@127.0.0.1:1/shop');
    await expect(failure).rejects.toThrow(DatabaseUnreachableError);
    await expect(failure).rejects.toThrow(/DATABASE_URL names \(127\.0\.0\.1:1\/shop\): ECONNREFUSED/);
    await expect(failure).rejects.not.toThrow(/hunter2/);
  });
});
