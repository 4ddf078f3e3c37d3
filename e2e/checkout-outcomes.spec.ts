import { expect, test } from '@playwright/test';
import { signInAdmin, storedOrder } from './support/admin';
import { AGAINST_REAL_AMAZON, requireBuyer, requireOfflineSandbox } from './support/environment';
import {
  addToCart,
  advanceSandboxClock,
  checkOutWithAmazon,
  checkoutSessionIdFrom,
  orderNumberFrom,
  placeOrder,
  sandboxObject,
  signInOnAmazon,
} from './support/shop';

test.beforeEach(() => requireBuyer());

test('a declined card sends the shopper back to the cart, and another card then succeeds', async ({ page }) => {
  requireOfflineSandbox('a declined test card');
  await addToCart(page, 'walnut-desk-organizer');
  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '3434' });
  const declinedSession = checkoutSessionIdFrom(page.url());
  await placeOrder(page);

  await expect(page).toHaveURL(/\/cart\?payment=Declined/);
  await expect(page.getByTestId('payment-message')).toContainText('Your payment method was declined');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  expect((await sandboxObject(page, 'checkout-sessions', declinedSession)).statusDetails).toMatchObject({
    state: 'Canceled',
    reasonCode: 'Declined',
  });

  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '1111' });
  await placeOrder(page);
  await orderNumberFrom(page);
  await expect(page.getByTestId('order-status')).toHaveText('Payment authorized');
});

test('a buyer who cancels on Amazon keeps the cart', async ({ page }) => {
  requireOfflineSandbox('the buyer-cancel test card');
  await addToCart(page, 'enamel-camp-mug');
  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '3064' });
  await placeOrder(page);
  await expect(page).toHaveURL(/\/cart\?payment=BuyerCanceled/);
  await expect(page.getByTestId('payment-message')).toContainText('You canceled the payment on Amazon Pay');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);

  // Canceling on Amazon's own page (webCheckoutDetails.checkoutCancelUrl) lands on the cart too.
  await page.getByTestId('amazon-button-PayAndShip').getByRole('button').click();
  await page.locator('#sandbox-buyer-jane').check();
  await page.locator('#sandbox-signin-continue').click();
  await page.locator('#sandbox-cancel').click();
  await expect(page).toHaveURL(/\/cart\?payment=BuyerCanceled$/);
  await expect(page.getByRole('heading', { name: 'Your cart' })).toBeVisible();
  await expect(page.getByTestId('payment-message')).toContainText('You canceled the payment on Amazon Pay');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
});

const PENDING_OUTCOMES = [
  {
    card: '0701',
    slug: 'single-origin-coffee-beans',
    label: 'Payment authorized',
    status: 'authorized',
    chargeState: 'Authorized',
    title: 'is authorized',
  },
  {
    card: '4354',
    slug: 'wool-throw-blanket',
    label: 'Payment declined',
    status: 'declined',
    chargeState: 'Declined',
    title: 'is hard-declined',
  },
] as const;

for (const outcome of PENDING_OUTCOMES) {
  test(`a pending authorization shows "payment processing" until it ${outcome.title}`, async ({ page, request }) => {
    requireOfflineSandbox('a pending test card and the sandbox clock');
    await addToCart(page, outcome.slug);
    await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: outcome.card });
    await placeOrder(page);
    const number = await orderNumberFrom(page);
    await expect(page.getByTestId('order-status')).toHaveText('Payment processing');

    await advanceSandboxClock(page, 60);
    // The sandbox's IPN makes the app re-read the charge.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('order-status')).toHaveText(outcome.label, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await signInAdmin(request);
    const stored = await storedOrder(request, number);
    expect(stored.order.status).toBe(outcome.status);
    expect(stored.payments[0]?.state).toBe(outcome.chargeState);
    expect((await sandboxObject(page, 'charges', stored.payments[0]!.chargeId)).statusDetails.state).toBe(outcome.chargeState);
  });
}

test('the subscription checks out on a recurring charge permission', async ({ page, request }) => {
  requireOfflineSandbox('reading the charge permission from the sandbox');
  await addToCart(page, 'monthly-coffee-club');
  await checkOutWithAmazon(page, { buyer: 'max', address: 0, card: '0005' });
  // Amazon Pay asks for the recurring terms before the buyer agrees: amount, frequency, next charge, cancellation.
  const terms = page.getByTestId('recurring-disclosure');
  await expect(terms).toContainText('every month');
  await expect(terms).toContainText('Next charge: one month after your order.');
  await expect(terms).toContainText('Cancel any time from your account');
  const agreedAmount = (await page.getByTestId('recurring-amount').textContent())!.trim();
  await placeOrder(page);
  const number = await orderNumberFrom(page);
  await expect(page.getByTestId('order-status')).toHaveText('Payment authorized');
  await expect(page.getByTestId('recurring-amount')).toHaveText(agreedAmount);
  await expect(page.getByTestId('recurring-next-charge')).toHaveText(/^Next charge: [A-Z][a-z]+ \d{1,2}, \d{4}$/);

  await signInAdmin(request);
  const stored = await storedOrder(request, number);
  const permission = await sandboxObject(page, 'charge-permissions', stored.order.chargePermissionId!);
  expect(permission.chargePermissionType).toBe('Recurring');
  // What the pages disclosed is what Amazon holds as the recurring amount.
  expect(permission.recurringMetadata).toMatchObject({
    frequency: { unit: 'Month', value: 1 },
    amount: { amount: agreedAmount.replace(/[^\d.]/g, '') },
  });
});

test('a double submit and a second tab give exactly one order and one charge', async ({ page, context, request }) => {
  requireOfflineSandbox('reading the checkout session from the sandbox');
  await addToCart(page, 'ceramic-pour-over-dripper');
  await checkOutWithAmazon(page, { buyer: 'jane', address: 1, card: '1111' });
  const checkoutSessionId = checkoutSessionIdFrom(page.url());
  await page.getByRole('button', { name: /^Place order/ }).dblclick();
  const number = await orderNumberFrom(page);

  // The back button, a refresh of the result URL and a second tab all land on the same order.
  const resultUrl = `/checkout/result?amazonCheckoutSessionId=${checkoutSessionId}`;
  const secondTab = await context.newPage();
  await Promise.all([page.goto(resultUrl), secondTab.goto(resultUrl)]);
  for (const tab of [page, secondTab]) expect(await orderNumberFrom(tab)).toBe(number);

  await signInAdmin(request);
  const stored = await storedOrder(request, number);
  expect(stored.payments).toHaveLength(1);
  const session = await sandboxObject(page, 'checkout-sessions', checkoutSessionId);
  expect(session.chargeId).toBe(stored.payments[0]!.chargeId);
});

test('Sign-In with Amazon shows the profile and the order history, and signs out of both', async ({ page }) => {
  await addToCart(page, 'latte-art-video-course');
  await checkOutWithAmazon(page, { buyer: 'olivia', card: '4444' });
  await placeOrder(page);
  const number = await orderNumberFrom(page);

  await page.goto('/account');
  await page.getByTestId('amazon-button-SignIn').getByRole('button').click();
  if (AGAINST_REAL_AMAZON) {
    await signInOnAmazon(page);
  } else {
    await page.locator('#sandbox-buyer-olivia').check();
    await page.locator('#sandbox-signin-continue').click();
  }
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId('account-name')).toHaveText(AGAINST_REAL_AMAZON ? /\S/ : 'Olivia Smith');
  await expect(page.getByTestId('history-order').filter({ hasText: number })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByTestId('amazon-button-SignIn')).toBeVisible();
  await expect(page.getByTestId('history-order')).toHaveCount(0);
});
