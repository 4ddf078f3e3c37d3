import { expect, test } from '@playwright/test';
import { signInAdmin, storedOrder } from './support/admin';
import { AGAINST_REAL_AMAZON, requireBuyer, requireOfflineSandbox } from './support/environment';
import { addToCart, checkOutWithAmazon, checkoutSessionIdFrom, orderNumberFrom, placeOrder, sandboxObject } from './support/shop';

test.beforeEach(() => requireBuyer());

test('physical goods: pay with Amazon Pay, review, place the order and see the confirmation', async ({ page, request }) => {
  await addToCart(page, 'enamel-camp-mug', 2);
  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '1111' });
  const checkoutSessionId = checkoutSessionIdFrom(page.url());

  await expect(page.getByTestId('buyer-name')).not.toBeEmpty();
  if (!AGAINST_REAL_AMAZON) {
    await expect(page.getByTestId('buyer-name')).toHaveText('Jane Doe');
    await expect(page.getByTestId('shipping-address')).toContainText('United States');
    await expect(page.getByTestId('payment-descriptor')).toContainText('1111');
    // $44.00 + $5.95 shipping, then 7.25% US tax on both: $3.62.
    await expect(page.getByTestId('review-total')).toHaveText('$53.57');
  }

  await placeOrder(page);
  const number = await orderNumberFrom(page);
  await expect(page.getByTestId('order-status')).toHaveText('Payment authorized');
  await expect(page.getByTestId('cart-count')).toHaveText('0');
  // The confirmation's heading takes focus, so a screen reader announces the order on arrival.
  await expect
    .poll(() => page.evaluate(() => [document.activeElement?.tagName, document.activeElement?.textContent?.trim()]))
    .toEqual(['H1', `Order ${number}`]);
  // Back from the confirmation reopens the review URL; the shopper lands on the order again.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/orders/${number}$`));
  await expect(page.getByTestId('order-number')).toHaveText(number);

  await signInAdmin(request);
  const stored = await storedOrder(request, number);
  expect(stored.order).toMatchObject({ status: 'authorized', checkoutSessionId });
  expect(stored.payments).toHaveLength(1);
  expect(stored.payments[0]).toMatchObject({
    state: 'Authorized',
    authorizedAmount: stored.order.totalAmount,
    capturedAmount: 0,
  });
  await expect(page.getByTestId('order-total')).toHaveText(`$${(stored.order.totalAmount / 100).toFixed(2)}`);
  if (AGAINST_REAL_AMAZON) return;
  const session = await sandboxObject(page, 'checkout-sessions', checkoutSessionId);
  expect(session.statusDetails.state).toBe('Completed');
  const charge = await sandboxObject(page, 'charges', stored.payments[0]!.chargeId);
  expect(charge.statusDetails.state).toBe('Authorized');
  expect(charge.chargeAmount).toMatchObject({ amount: '53.57', currencyCode: 'USD' });
});

test('digital goods check out as PayOnly and are captured at once', async ({ page, request }) => {
  await addToCart(page, 'brewing-field-guide');
  await page.goto('/cart');
  await expect(page.getByTestId('amazon-button-PayOnly')).toBeVisible();
  await checkOutWithAmazon(page, { buyer: 'olivia', card: '4444' });
  await expect(page.getByRole('heading', { name: 'Shipping address' })).toHaveCount(0);
  await expect(page.getByTestId('review-shipping')).toHaveText('Not needed');
  await placeOrder(page);
  const number = await orderNumberFrom(page);
  await expect(page.getByTestId('order-status')).toHaveText('Paid');

  await signInAdmin(request);
  const stored = await storedOrder(request, number);
  expect(stored.order.status).toBe('paid');
  expect(stored.payments[0]).toMatchObject({ state: 'Captured', capturedAmount: stored.order.totalAmount });
  if (!AGAINST_REAL_AMAZON)
    expect((await sandboxObject(page, 'charges', stored.payments[0]!.chargeId)).statusDetails.state).toBe('Captured');
});

test('the shopper changes the address and the payment method on the review page', async ({ page }) => {
  requireOfflineSandbox('choosing a given address and card');
  await addToCart(page, 'linen-apron');
  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '3434' });
  await expect(page.getByTestId('payment-descriptor')).toContainText('3434');

  await page.getByRole('button', { name: 'Change address' }).click();
  await page.locator('#sandbox-address-3').check();
  await page.locator('#sandbox-continue').click();
  await expect(page.getByRole('heading', { name: 'Review your order' })).toBeVisible();
  await expect(page.getByTestId('shipping-address')).toContainText('Canada');
  // $42.00 + ($5.95 + $12.00 international) + 5% Canadian tax ($3.00).
  await expect(page.getByTestId('review-total')).toHaveText('$62.95');

  await page.getByRole('button', { name: 'Change payment' }).click();
  await page.locator('#sandbox-card-1111').check();
  await page.locator('#sandbox-continue').click();
  await expect(page.getByTestId('payment-descriptor')).toContainText('1111');

  await placeOrder(page);
  await orderNumberFrom(page);
  await expect(page.getByTestId('order-status')).toHaveText('Payment authorized');
  await expect(page.getByTestId('order-total')).toHaveText('$62.95');
});

test('"buy now" buys exactly the chosen quantity on its own order and leaves the cart as it was', async ({ page }) => {
  requireOfflineSandbox('choosing a given test buyer');
  await addToCart(page, 'enamel-camp-mug');
  await page.goto('/products/linen-apron');
  await page.getByLabel('Quantity', { exact: true }).selectOption('3');
  await page.getByTestId('amazon-button-PayAndShip').getByRole('button').click();
  await page.locator('#sandbox-buyer-max').check();
  await page.locator('#sandbox-signin-continue').click();
  // Amazon's page names the store the button's payload gives, as Amazon's own pages do.
  await expect(page.locator('#sandbox-store-name')).toContainText('Northwind Goods');
  await page.locator('#sandbox-card-0005').check();
  await page.locator('#sandbox-continue').click();
  await expect(page.getByRole('heading', { name: 'Review your order' })).toBeVisible();
  await expect(page.getByText('Stonewashed Linen Apron × 3')).toBeVisible();
  await expect(page.getByText(/Enamel Camp Mug/)).toHaveCount(0);
  await expect(page.getByTestId('shipping-address')).toContainText('Germany');
  await placeOrder(page);
  await orderNumberFrom(page);
  await expect(page.getByTestId('order-status')).toHaveText('Payment authorized');
  await expect(page.getByTestId('order-line')).toHaveCount(1);
  await expect(page.getByTestId('order-line')).toContainText('Stonewashed Linen Apron × 3');

  await page.goto('/cart');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('cart-line')).toContainText('Enamel Camp Mug');
});

test('a cart changed in another tab is never charged unseen: the review shows the new total first', async ({ page, context }) => {
  await addToCart(page, 'enamel-camp-mug');
  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '1111' });
  if (!AGAINST_REAL_AMAZON) await expect(page.getByTestId('review-total')).toHaveText('$29.98');
  const reviewedTotal = await page.getByTestId('review-total').textContent();

  const otherTab = await context.newPage();
  await addToCart(otherTab, 'brewing-field-guide');
  await otherTab.close();

  await placeOrder(page);
  await expect(page.getByText(/Your order changed since you reviewed it: the total is now/)).toBeVisible();
  await expect(page.getByTestId('review-total')).not.toHaveText(reviewedTotal ?? '');
  await expect(page.getByText('The Brewing Field Guide (e-book)')).toBeVisible();
  if (!AGAINST_REAL_AMAZON) await expect(page.getByTestId('review-total')).toHaveText('$42.85');

  await placeOrder(page);
  await orderNumberFrom(page);
  await expect(page.getByTestId('order-status')).toHaveText('Payment authorized');
});
