import { expect, test } from '@playwright/test';
import { signInAsAdmin } from './support/admin';
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

  await signInAsAdmin(page);
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

test('the Fulfilment filter shows an order once its tracking is sent, and hides one not shipped yet', async ({ page }) => {
  test.setTimeout(120_000);
  const placeMugOrder = async () => {
    await addToCart(page, 'enamel-camp-mug');
    await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '1111' });
    await placeOrder(page);
    return orderNumberFrom(page);
  };
  const unfulfilled = await placeMugOrder();
  const shipped = await placeMugOrder();

  await signInAsAdmin(page);
  await page.goto(`/admin/orders/${shipped}`);
  const tracking = page.getByTestId('live-panel').getByTestId('tracking-form');
  await tracking.getByLabel('Carrier code').fill('UPS');
  await tracking.getByLabel('Tracking number').fill('1Z999AA10123456784');
  await tracking.getByRole('button', { name: 'Send tracking' }).click();
  await expect(tracking.getByRole('status')).toHaveText('Tracking sent to Amazon Pay.');

  await page.goto('/admin/orders');
  await page.getByLabel('Fulfilment').selectOption({ label: 'Shipped' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/fulfilmentStatus=shipped/);
  await expect(page.getByLabel('Fulfilment')).toHaveValue('shipped');
  await expect(page.getByRole('link', { name: shipped })).toBeVisible();
  await expect(page.getByRole('link', { name: unfulfilled })).toHaveCount(0);
  await expect(page.getByTestId('list-fulfilment').filter({ hasNotText: 'Shipped' })).toHaveCount(0);

  // The export link carries the filter: the shipped order is in the file, the other is not.
  const exportLink = page.getByRole('link', { name: 'Export CSV (filtered)' });
  await expect(exportLink).toHaveAttribute('href', /fulfilmentStatus=shipped/);
  const csv = await page.request.get((await exportLink.getAttribute('href'))!);
  const numbers = (await csv.text())
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(',')[0]);
  expect(numbers).toContain(shipped);
  expect(numbers).not.toContain(unfulfilled);

  await page.getByLabel('Fulfilment').selectOption({ label: 'Not shipped yet' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByRole('link', { name: unfulfilled })).toBeVisible();
  await expect(page.getByRole('link', { name: shipped })).toHaveCount(0);
});
