import { expect, test } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/admin';
import { requireBuyer } from './support/environment';
import { addToCart, checkOutWithAmazon, orderNumberFrom, placeOrder } from './support/shop';

test.beforeEach(() => requireBuyer());

test('the admin finds a new order on the dashboard and in the list, by number, name and product, and exports it', async ({
  page,
}, testInfo) => {
  await addToCart(page, 'enamel-camp-mug');
  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '1111' });
  await placeOrder(page);
  const number = await orderNumberFrom(page);

  await page.goto('/admin/login');
  await page.getByLabel('Email').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('img', { name: /\d+ orders? and .+ revenue over the last 30 days/ })).toBeVisible();
  await expect(page.getByRole('link', { name: number })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true });

  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Orders', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: number })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('orders.png'), fullPage: true });

  await page.getByLabel('Search').fill(number);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${number}`));
  await expect(page.locator('tbody tr')).toHaveCount(1);

  // Part of the buyer's name, in another case, finds Jane Doe's orders, the new one first.
  await page.getByLabel('Search').fill('ane DO');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/q=ane\+DO/);
  await expect(page.locator('tbody tr').first().getByRole('link', { name: number })).toBeVisible();
  await expect(page.locator('tbody tr').filter({ hasNotText: 'Jane Doe' })).toHaveCount(0);
  // And a word of a product on its lines.
  await page.getByLabel('Search').fill('camp mug');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.locator('tbody tr').first().getByRole('link', { name: number })).toBeVisible();

  const csv = await page.request.get(`/api/admin/orders/export?q=${number}`);
  expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="orders-\d{8}-\d{6}\.csv"$/);
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]?.split(',')[0]).toBe(number);
});
