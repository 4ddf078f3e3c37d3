import { expect, test } from '@playwright/test';
import { signInAsAdmin } from './support/admin';
import { requireBuyer } from './support/environment';
import { addToCart, checkOutWithAmazon, orderNumberFrom, placeOrder } from './support/shop';

test.beforeEach(() => requireBuyer());

test('the admin finds a new subscription with its next charge, opens its history and cancels it', async ({ page }, testInfo) => {
  // A checkout, the admin sign-in and three admin pages: longer than the default minute on a busy machine.
  test.setTimeout(120_000);
  await addToCart(page, 'monthly-coffee-club');
  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '1111' });
  await placeOrder(page);
  const number = await orderNumberFrom(page);

  await signInAsAdmin(page);
  await expect(page).toHaveURL(/\/admin$/);

  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Subscriptions' }).click();
  await expect(page.getByRole('heading', { name: 'Subscriptions' })).toBeVisible();
  const row = page.getByTestId('subscription-row').filter({ hasText: number });
  await expect(row.getByTestId('subscription-state')).toHaveText('Active');
  await expect(row).toContainText('Monthly Coffee Club');
  await expect(row).toContainText('Every month');
  // Placed today: the next period falls due a calendar month from now.
  await expect(row.getByTestId('subscription-next-charge')).toHaveText(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
  const nextCharge = (await row.getByTestId('subscription-next-charge').textContent())!;
  await expect(row.getByRole('link', { name: `Order ${number}` })).toHaveAttribute('href', `/admin/orders/${number}`);

  await page.screenshot({ path: testInfo.outputPath('subscriptions.png'), fullPage: true });

  await row.getByRole('link', { name: `History of subscription ${number}` }).click();
  await expect(page.getByRole('heading', { name: `Subscription ${number}` })).toBeVisible();
  await expect(page.getByTestId('subscription-next-charge')).toHaveText(`${nextCharge} (period 2)`);
  const charges = page.getByTestId('subscription-charge');
  await expect(charges).toHaveCount(1);
  await expect(charges.first()).toContainText(/^1\s*1\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\s*\$[\d.]+\s*Authorized/);

  await page.screenshot({ path: testInfo.outputPath('subscription.png'), fullPage: true });

  const cancel = page.getByTestId('cancel-subscription-form');
  await cancel.getByLabel('Reason for cancelling').fill('Shopper asked by phone');
  await cancel.getByRole('button', { name: 'Cancel subscription' }).click();
  // The page is rendered again on the server: the subscription is closed and nothing more is due.
  await expect(page.getByTestId('subscription-state')).toHaveText('Cancelled');
  await expect(page.getByTestId('subscription-next-charge')).toHaveText('None');
  await expect(page.getByTestId('cancel-subscription-form')).toHaveCount(0);
});
