import { expect, test } from '@playwright/test';
import { signInAsAdmin } from './support/admin';
import { requireBuyer } from './support/environment';
import { addToCart, checkOutWithAmazon, orderNumberFrom, placeOrder } from './support/shop';

test.beforeEach(() => requireBuyer());

test('the merchant runs the resync sweep now and reads what the background jobs did', async ({ page }, testInfo) => {
  await addToCart(page, 'enamel-camp-mug');
  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '1111' });
  await placeOrder(page);
  await orderNumberFrom(page);

  await signInAsAdmin(page);
  const panel = page.getByRole('region', { name: 'Resync with Amazon Pay' });
  await expect(panel).toContainText('*/5 * * * *');
  await panel.getByRole('button', { name: 'Run now' }).click();
  await expect(panel.getByText('Queued; it starts within a few seconds.')).toBeVisible();

  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Jobs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Background work' })).toBeVisible();
  const sweep = page.getByRole('region', { name: 'Resync sweep' });
  const ipn = page.getByRole('region', { name: 'IPN processing' });
  // The authorized order is not final, so the sweep re-reads it; the checkout's IPNs were queued and worked.
  await expect(async () => {
    await page.reload();
    await expect(sweep.getByTestId('last-run')).toContainText('completed', { timeout: 1_000 });
    await expect(sweep.getByTestId('last-run')).toContainText(/ordersChecked: [1-9]/, { timeout: 1_000 });
    await expect(ipn.getByTestId('last-run')).toContainText('status: processed', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(sweep.getByTestId('queue-depth')).toHaveText('0');
  await expect(sweep.getByText('Failed jobs')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('jobs.png'), fullPage: true });
});
