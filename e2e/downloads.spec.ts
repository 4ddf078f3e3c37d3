import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { requireBuyer } from './support/environment';
import { addToCart, checkOutWithAmazon, orderNumberFrom, placeOrder } from './support/shop';

test.beforeEach(() => requireBuyer());

const SAMPLE = readFileSync(path.join(process.cwd(), 'storage-seed', 'brewing-field-guide.pdf'));

test('a paid e-book is downloaded from its confirmation, and only by the browser that bought it', async ({ page, browser }) => {
  await addToCart(page, 'brewing-field-guide');
  await checkOutWithAmazon(page, { buyer: 'olivia', card: '4444' });
  await placeOrder(page);
  await orderNumberFrom(page);
  await expect(page.getByTestId('order-status')).toHaveText('Paid');

  const downloads = page.getByTestId('downloads');
  await expect(downloads.getByRole('heading', { name: 'Downloads' })).toBeVisible();
  await expect(downloads.getByTestId('download')).toContainText('The Brewing Field Guide (e-book)');
  await expect(downloads.getByTestId('download')).toContainText('5 downloads left');
  const link = downloads.getByTestId('download-link');
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/api\/downloads\//);

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('brewing-field-guide.pdf');
  expect(readFileSync(await download.path()).equals(SAMPLE)).toBe(true);

  await page.reload();
  await expect(downloads.getByTestId('download')).toContainText('4 downloads left');

  // Another browser holding the same link is refused, and its attempt counts nothing.
  const stranger = await browser.newContext();
  const refused = await stranger.request.get(new URL(href!, page.url()).toString(), { headers: { accept: 'application/json' } });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: 'not_yours' });
  await stranger.close();
  await page.reload();
  await expect(downloads.getByTestId('download')).toContainText('4 downloads left');
});
