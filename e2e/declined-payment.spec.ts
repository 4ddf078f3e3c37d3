import { expect, test } from '@playwright/test';
import { signInAdmin } from './support/admin';
import { requireBuyer, requireOfflineSandbox } from './support/environment';
import { addToCart, advanceSandboxClock, checkOutWithAmazon, orderNumberFrom, placeOrder } from './support/shop';

test.beforeEach(() => requireBuyer());

test('a pending authorization that Amazon then declines updates the order page by itself and pays again', async ({
  page,
  request,
}) => {
  requireOfflineSandbox('the pending-then-declined test card and the sandbox clock');
  // Checkout, the sandbox's pending delay and the page's backoff together take longer than the default.
  test.setTimeout(120_000);
  await addToCart(page, 'walnut-desk-organizer');
  await addToCart(page, 'enamel-camp-mug', 2);
  // Jane's Amex ending 4354: AuthorizationInitiated, then HardDeclined when the sandbox clock moves on.
  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '4354' });
  await placeOrder(page);
  const number = await orderNumberFrom(page);

  const progress = page.getByTestId('order-progress');
  await expect(progress).toHaveAttribute('data-progress', 'confirming');
  await expect(page.getByText("We're confirming your payment with Amazon Pay")).toBeVisible();
  await expect(page.getByRole('button', { name: 'Check again' })).toBeVisible();
  await expect(page.getByText(/thank you/i)).toHaveCount(0);

  // A full reload would drop this; the page must update in place.
  await page.evaluate((mark) => document.documentElement.setAttribute('data-same-document', mark), number);
  await advanceSandboxClock(page, 60);

  await expect(page.getByTestId('order-status')).toHaveText('Payment declined', { timeout: 60_000 });
  await expect(page.locator('html')).toHaveAttribute('data-same-document', number);
  await expect(progress).toHaveAttribute('data-progress', 'declined');
  await expect(page.getByText(/thank you/i)).toHaveCount(0);
  await expect(page.getByTestId('payment-declined-message')).toContainText('Your payment method was declined');

  // The attempt is listed as one for the merchant, with Amazon's reason, and not among the orders.
  await signInAdmin(request);
  const attempts = await (await request.get(`/api/admin/orders?view=attempts&q=${number}`)).json();
  expect(attempts.rows).toEqual([expect.objectContaining({ number, status: 'declined', reasonCode: 'HardDeclined' })]);
  const placed = await (await request.get(`/api/admin/orders?q=${number}`)).json();
  expect(placed.rows).toEqual([]);

  await page.getByRole('button', { name: 'Pay again' }).click();
  await expect(page).toHaveURL(/\/cart\?payment=HardDeclined$/);
  await expect(page.getByTestId('payment-message')).toContainText('Your payment method was declined');
  const lines = page.getByTestId('cart-line');
  await expect(lines).toHaveCount(2);
  await expect(lines.and(page.locator('[data-slug="walnut-desk-organizer"]'))).toHaveCount(1);
  await expect(lines.and(page.locator('[data-slug="enamel-camp-mug"]'))).toHaveCount(1);
  await expect(page.getByTestId('cart-count')).toHaveText('3');
  await expect(page.getByTestId('amazon-button-PayAndShip').getByRole('button')).toBeVisible();
});
