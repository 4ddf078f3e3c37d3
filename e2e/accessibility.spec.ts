import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { requireOfflineSandbox } from './support/environment';

async function seriousViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}

test('home, product and cart pages have no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('/');
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto('/products/walnut-desk-organizer');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText('Added to your cart.')).toBeVisible();
  await page.goto('/cart');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the checkout pages, including the sandbox’s hosted pages, have no serious or critical violations', async ({ page }) => {
  requireOfflineSandbox('checking the hosted pages');
  await page.goto('/products/enamel-camp-mug');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText('Added to your cart.')).toBeVisible();
  await page.goto('/cart');
  await page.getByTestId('amazon-button-PayAndShip').getByRole('button').click();
  await page.locator('#sandbox-buyer-jane').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.locator('#sandbox-buyer-jane').check();
  await page.locator('#sandbox-signin-continue').click();
  await page.locator('#sandbox-card-1111').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.locator('#sandbox-continue').click();
  await expect(page.getByRole('heading', { name: 'Review your order' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: /^Place order/ }).click();
  await expect(page.getByTestId('order-number')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
