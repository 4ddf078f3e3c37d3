import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInAdmin, storedOrder } from './support/admin';
import { requireOfflineSandbox } from './support/environment';
import { addToCart, enterShopAddress, orderNumberFrom, sandboxObject } from './support/shop';

/** The WCAG A and AA rules axe finds broken at serious or critical impact, by id. */
async function accessibilityBreaks(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.filter(({ impact }) => impact === 'serious' || impact === 'critical').map(({ id }) => id);
}

test('check out with an address entered on the shop, pay with Amazon Pay, and see it on the order', async ({ page }) => {
  requireOfflineSandbox('playing the buyer on the emulated ProcessOrder page');
  await addToCart(page, 'enamel-camp-mug', 2);
  await page.goto('/cart');
  await page.getByRole('link', { name: 'Check out with your address' }).click();
  await expect(page.getByRole('heading', { name: 'Check out with your address' })).toBeVisible();

  await enterShopAddress(page, { postalCode: '97201<' });
  // The bad postal code is named next to its field, announced, and the typed values stay.
  await expect(page.getByTestId('address-postalCode-error')).toHaveText('Use letters, digits, spaces and hyphens only.');
  await expect(page.getByLabel('Postal code')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Full name')).toHaveValue('Ada Lovelace');
  await expect(page.getByTestId('amazon-button-PayAndShip')).toHaveCount(0);
  expect(await accessibilityBreaks(page)).toEqual([]);

  await page.getByLabel('Postal code').fill('97201');
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await expect(page.getByTestId('shipping-address')).toContainText('12 Analytical Way');
  // $44.00 + $5.95 shipping, then 7.25% US tax on both: $3.62.
  await expect(page.getByTestId('address-shipping')).toHaveText('$5.95');
  await expect(page.getByTestId('address-tax')).toHaveText('$3.62');
  await expect(page.getByTestId('address-total')).toHaveText('$53.57');
  await expect(page.getByTestId('amazon-button-PayAndShip').getByRole('button')).toBeVisible();
  expect(await accessibilityBreaks(page)).toEqual([]);

  await page.getByTestId('amazon-button-PayAndShip').getByRole('button').click();
  await page.locator('#sandbox-buyer-jane').check();
  await page.locator('#sandbox-signin-continue').click();
  // Amazon's page shows the address the shopper gave us, not one from the Amazon account.
  await expect(page.locator('#sandbox-merchant-address')).toContainText('12 Analytical Way');
  await expect(page.locator('#sandbox-amount')).toContainText('53.57');
  await page.locator('#sandbox-card-1111').check();
  await page.locator('#sandbox-continue').click();

  const number = await orderNumberFrom(page);
  await expect(page.getByTestId('order-status')).toHaveText('Payment authorized');
  await expect(page.getByTestId('shipping-address')).toContainText('Ada Lovelace');
  await expect(page.getByTestId('shipping-address')).toContainText('12 Analytical Way');
  await expect(page.getByTestId('shipping-address')).toContainText('Portland, OR, 97201');
  await expect(page.getByTestId('order-total')).toHaveText('$53.57');
  await expect(page.getByTestId('cart-count')).toHaveText('0');

  await signInAdmin(page.request);
  const { checkoutSessionId } = (await storedOrder(page.request, number)).order;
  // Opening the return URL again (a refresh, a second tab) lands on the same order and charges nothing more.
  await page.goto(`/checkout/result?${new URLSearchParams({ order: number, amazonCheckoutSessionId: checkoutSessionId })}`);
  await expect(page).toHaveURL(new RegExp(`/orders/${number}$`));
  const stored = await storedOrder(page.request, number);
  expect(stored.order).toMatchObject({ status: 'authorized', totalAmount: 5357 });
  expect(stored.payments).toHaveLength(1);
  expect(stored.payments[0]).toMatchObject({ state: 'Authorized', authorizedAmount: 5357 });
  const session = await sandboxObject(page, 'checkout-sessions', checkoutSessionId);
  expect(session.statusDetails.state).toBe('Completed');

  await page.goto(`/admin/orders/${number}`);
  await expect(page.getByRole('heading', { name: `Order ${number}` })).toBeVisible();
  await expect(page.getByText('12 Analytical Way')).toBeVisible();
  await expect(page.getByTestId('order-total')).toHaveText('$53.57');
});
