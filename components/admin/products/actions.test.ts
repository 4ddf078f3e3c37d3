import type { Session } from 'next-auth';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedCatalog } from '@/lib/catalog/seed';
import { openDatabase, type DatabaseHandle } from '@/lib/db/connection';
import { products } from '@/lib/db/schema';
import { UnauthorizedError } from '@/lib/errors';

const { state, assertAdmin } = vi.hoisted(() => ({
  state: { db: null as DatabaseHandle['db'] | null },
  assertAdmin: vi.fn(),
}));
vi.mock('@/lib/db', () => ({ getDb: async () => state.db }));
vi.mock('@/lib/auth', () => ({ assertAdmin }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const { setStockAction } = await import('./actions');

const admin = { user: { role: 'admin', email: 'admin@example.com' }, expires: '2099-01-01T00:00:00Z' } as Session;

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

describe('the admin stock action', () => {
  let handle: DatabaseHandle;
  let mugId: string;

  beforeAll(async () => {
    handle = await openDatabase('memory:');
    state.db = handle.db;
    await seedCatalog(handle.db, 'USD');
    const [mug] = await handle.db.select().from(products).where(eq(products.slug, 'enamel-camp-mug'));
    mugId = mug!.id;
  });
  afterAll(async () => handle.close());

  beforeEach(() => {
    assertAdmin.mockReset();
    assertAdmin.mockResolvedValue(admin);
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  const mugStock = async () =>
    (await handle.db.select({ stock: products.stock }).from(products).where(eq(products.id, mugId)))[0]?.stock;

  it('seeds the physical products with stock and leaves downloads unlimited', async () => {
    expect(await mugStock()).toBe(60);
    const [ebook] = await handle.db.select().from(products).where(eq(products.slug, 'brewing-field-guide'));
    expect(ebook?.stock).toBeNull();
  });

  it('sets a level, and makes a product unlimited when left empty', async () => {
    expect(await setStockAction(null, form({ productId: mugId, stock: ' 7 ' }))).toEqual({
      ok: true,
      message: 'Enamel Camp Mug: 7 left to sell.',
    });
    expect(await mugStock()).toBe(7);
    // Seeding again (every start) keeps what the merchant set.
    await seedCatalog(handle.db, 'USD');
    expect(await mugStock()).toBe(7);
    expect(await setStockAction(null, form({ productId: mugId, stock: '' }))).toEqual({
      ok: true,
      message: 'Enamel Camp Mug: unlimited.',
    });
    expect(await mugStock()).toBeNull();
    await setStockAction(null, form({ productId: mugId, stock: '0' }));
    expect(await mugStock()).toBe(0);
  });

  it.each(['-1', '1.5', 'ten', '1e3', '2000000'])('refuses %s units and changes nothing', async (stock) => {
    await setStockAction(null, form({ productId: mugId, stock: '4' }));
    const result = await setStockAction(null, form({ productId: mugId, stock }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { stock: [expect.stringMatching(/^Enter /)] } });
    expect(await mugStock()).toBe(4);
  });

  it('refuses a form without a product, or for one that does not exist', async () => {
    expect(await setStockAction(null, form({ productId: 'mug', stock: '3' }))).toMatchObject({
      ok: false,
      fieldErrors: { productId: ['There is no such product.'] },
    });
    expect(await setStockAction(null, form({ stock: '3' }))).toMatchObject({
      ok: false,
      fieldErrors: { productId: expect.any(Array) },
    });
    expect(await setStockAction(null, form({ productId: '00000000-0000-4000-8000-000000000000', stock: '3' }))).toEqual({
      ok: false,
      message: 'That product no longer exists.',
    });
  });

  it('refuses anyone but the admin before touching the stock', async () => {
    await setStockAction(null, form({ productId: mugId, stock: '4' }));
    assertAdmin.mockRejectedValue(new UnauthorizedError());
    expect(await setStockAction(null, form({ productId: mugId, stock: '99' }))).toEqual({
      ok: false,
      message: 'You need to sign in as the store admin to do that.',
    });
    expect(await mugStock()).toBe(4);
  });
});
