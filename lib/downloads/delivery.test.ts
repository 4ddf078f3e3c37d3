import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/connection';
import { orderLines, orders, products } from '@/lib/db/schema';
import type { OrderStatus } from '@/lib/orders/status';
import { testDatabaseTargets } from '@/test/databases';
import { authorizeDownload, downloadLinks, type DownloadRequest } from './delivery';
import { signDownloadToken } from './token';

const KEY = 'download-test-key';
const NOW = new Date('2026-03-01T12:00:00Z');
const TOMORROW = new Date('2026-03-02T12:00:00Z');
const BROWSER = 'a'.repeat(64);
const OTHER_BROWSER = 'b'.repeat(64);
const BUYER = 'amzn1.account.DOWNLOADS';
const FILE_BYTES = Buffer.from('%PDF-1.4 the guide');

const storageDir = mkdtempSync(path.join(tmpdir(), 'downloads-'));
writeFileSync(path.join(storageDir, 'guide.pdf'), FILE_BYTES);
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

describe.each(testDatabaseTargets)('downloads on $name', (target) => {
  let handle: DatabaseHandle;
  let productId: string;
  let number = 500000;

  beforeAll(async () => {
    handle = await target.open();
    const [product] = await handle.db
      .insert(products)
      .values({
        slug: 'guide',
        name: 'The Guide',
        tagline: 'A guide',
        description: 'A guide',
        kind: 'digital',
        priceAmount: 1200,
        currency: 'USD',
        imagePath: '/products/guide.svg',
        downloadFile: 'guide.pdf',
      })
      .returning({ id: products.id });
    productId = product!.id;
  });
  afterAll(async () => handle?.close());

  async function orderWithGuide(status: OrderStatus = 'paid'): Promise<{ orderId: string; lineId: string }> {
    number += 1;
    const [order] = await handle.db
      .insert(orders)
      .values({
        number: `NW-${number}`,
        status,
        paymentState: 'Captured',
        currency: 'USD',
        subtotalAmount: 1200,
        shippingAmount: 0,
        taxAmount: 0,
        totalAmount: 1200,
        buyerId: BUYER,
        browserTokenHash: BROWSER,
        fulfilment: 'digital',
        placedAt: NOW,
      })
      .returning({ id: orders.id });
    const [line] = await handle.db
      .insert(orderLines)
      .values({
        orderId: order!.id,
        productId,
        productSlug: 'guide',
        productName: 'The Guide',
        kind: 'digital',
        unitPriceAmount: 1200,
        quantity: 1,
        lineTotalAmount: 1200,
      })
      .returning({ id: orderLines.id });
    return { orderId: order!.id, lineId: line!.id };
  }

  const request = (ids: { orderId: string; lineId: string }, overrides: Partial<DownloadRequest> = {}): DownloadRequest => ({
    token: signDownloadToken({ ...ids, expiresAt: TOMORROW }, KEY),
    viewer: { shopperTokenHash: BROWSER, buyerId: null },
    signingKey: KEY,
    storageDir,
    now: NOW,
    ...overrides,
  });

  it('serves the file to the browser that placed the order, and to its signed-in buyer', async () => {
    const ids = await orderWithGuide();
    const decision = await authorizeDownload(handle.db, request(ids));
    expect(decision).toMatchObject({ ok: true, downloads: 1, file: { fileName: 'guide.pdf', contentType: 'application/pdf' } });
    const signedIn = await authorizeDownload(handle.db, request(ids, { viewer: { shopperTokenHash: null, buyerId: BUYER } }));
    expect(signedIn).toMatchObject({ ok: true, downloads: 2 });
  });

  it('lets exactly the bound through when ten requests race for three downloads', async () => {
    const ids = await orderWithGuide();
    const decisions = await Promise.all(
      Array.from({ length: 10 }, () => authorizeDownload(handle.db, request(ids, { limit: 3 }))),
    );
    expect(decisions.filter((decision) => decision.ok)).toHaveLength(3);
    expect(decisions.filter((decision) => !decision.ok && decision.refusal === 'used_up')).toHaveLength(7);
    const counts = decisions.flatMap((decision) => (decision.ok ? [decision.downloads] : []));
    expect(counts.sort()).toEqual([1, 2, 3]);
  });

  it('refuses another browser and another Amazon account, without counting', async () => {
    const ids = await orderWithGuide();
    for (const viewer of [
      { shopperTokenHash: OTHER_BROWSER, buyerId: null },
      { shopperTokenHash: null, buyerId: 'amzn1.account.SOMEONE-ELSE' },
      { shopperTokenHash: null, buyerId: null },
    ]) {
      expect(await authorizeDownload(handle.db, request(ids, { viewer, limit: 1 }))).toEqual({ ok: false, refusal: 'not_yours' });
    }
    expect(await authorizeDownload(handle.db, request(ids, { limit: 1 }))).toMatchObject({ ok: true, downloads: 1 });
  });

  it.each<OrderStatus>(['refunded', 'declined', 'canceled', 'authorized', 'pending'])('refuses a %s order', async (status) => {
    const ids = await orderWithGuide(status);
    expect(await authorizeDownload(handle.db, request(ids))).toEqual({ ok: false, refusal: 'not_paid' });
  });

  it('still serves a partially refunded order, and stops once the refund is whole', async () => {
    const ids = await orderWithGuide('partially_refunded');
    expect(await authorizeDownload(handle.db, request(ids))).toMatchObject({ ok: true });
    await handle.db.update(orders).set({ status: 'refunded' }).where(eq(orders.id, ids.orderId));
    expect(await authorizeDownload(handle.db, request(ids))).toEqual({ ok: false, refusal: 'not_paid' });
  });

  it('refuses an expired link, and a link that pairs one order with another order’s line', async () => {
    const ids = await orderWithGuide();
    const other = await orderWithGuide();
    expect(await authorizeDownload(handle.db, request(ids, { now: TOMORROW }))).toEqual({ ok: false, refusal: 'expired' });
    const crossed = request({ orderId: other.orderId, lineId: ids.lineId });
    expect(await authorizeDownload(handle.db, crossed)).toEqual({ ok: false, refusal: 'not_found' });
  });

  it('refuses when the file is gone from storage, without counting', async () => {
    const ids = await orderWithGuide();
    const empty = mkdtempSync(path.join(tmpdir(), 'downloads-empty-'));
    expect(await authorizeDownload(handle.db, request(ids, { storageDir: empty }))).toEqual({ ok: false, refusal: 'not_found' });
    rmSync(empty, { recursive: true, force: true });
    expect(await authorizeDownload(handle.db, request(ids, { limit: 1 }))).toMatchObject({ ok: true, downloads: 1 });
  });

  it('lists working links for paid orders only, with the downloads left', async () => {
    const paid = await orderWithGuide();
    const refunded = await orderWithGuide('refunded');
    await authorizeDownload(handle.db, request(paid, { limit: 2 }));

    const [link, ...more] = await downloadLinks(handle.db, { orderId: paid.orderId }, { signingKey: KEY, now: NOW, limit: 2 });
    expect(more).toEqual([]);
    expect(link).toMatchObject({ lineId: paid.lineId, name: 'The Guide', remaining: 1 });
    const token = link!.href!.replace('/api/downloads/', '');
    expect(await authorizeDownload(handle.db, request(paid, { token, limit: 2 }))).toMatchObject({ ok: true, downloads: 2 });

    const [usedUp] = await downloadLinks(handle.db, { orderId: paid.orderId }, { signingKey: KEY, now: NOW, limit: 2 });
    expect(usedUp).toMatchObject({ remaining: 0, href: null });
    expect(await downloadLinks(handle.db, { orderId: refunded.orderId }, { signingKey: KEY, now: NOW })).toEqual([]);

    const forBuyer = await downloadLinks(handle.db, { buyerId: BUYER }, { signingKey: KEY, now: NOW });
    expect(forBuyer.map((entry) => entry.lineId)).toContain(paid.lineId);
    expect(forBuyer.map((entry) => entry.lineId)).not.toContain(refunded.lineId);
  });
});
