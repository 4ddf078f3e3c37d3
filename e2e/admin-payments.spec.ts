import { expect, test, type Page } from '@playwright/test';
import { signInAsAdmin } from './support/admin';
import { requireBuyer, requireOfflineSandbox } from './support/environment';
import { addToCart, advanceSandboxClock, checkOutWithAmazon, orderNumberFrom, placeOrder } from './support/shop';

test.beforeEach(() => requireBuyer());

/** Submits a destructive operation and confirms it in the modal dialog. */
async function confirmIn(page: Page, confirmLabel: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: confirmLabel }).click();
}

test('the admin captures part of a physical order, refunds part, and sees the refund settle by IPN without reloading', async ({
  page,
}) => {
  requireOfflineSandbox('moving the sandbox clock');
  // Checkout, two operations and a settled refund: longer than the default minute on a busy machine.
  test.setTimeout(120_000);
  await addToCart(page, 'enamel-camp-mug', 2);
  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '1111' });
  await placeOrder(page);
  const number = await orderNumberFrom(page);

  await signInAsAdmin(page);
  await page.goto(`/admin/orders/${number}`);
  await expect(page.getByRole('heading', { name: `Order ${number}` })).toBeVisible();
  const live = page.getByTestId('live-panel');
  await expect(live.getByTestId('charge-state')).toHaveText(/^Payment held/);
  await expect(live.getByTestId('refund-form')).toHaveCount(0);

  const capture = live.getByTestId('capture-form');
  await expect(capture.getByLabel(/Amount to capture/)).toHaveValue('53.57');
  await capture.getByLabel(/Amount to capture/).fill('30.00');
  await capture.getByRole('button', { name: 'Capture…' }).click();
  await expect(page.getByRole('dialog')).toContainText('Capture $30.00 from the buyer?');
  await confirmIn(page, 'Capture the payment');
  await expect(live.getByTestId('charge-state')).toHaveText(/^Payment taken/);
  await expect(live.getByTestId('charge-captured')).toHaveText('$30.00');
  // A captured charge offers a refund, never a second capture or a cancel.
  await expect(live.getByTestId('capture-form')).toHaveCount(0);
  await expect(live.getByTestId('cancel-form')).toHaveCount(0);

  const refund = live.getByTestId('refund-form');
  await expect(refund).toContainText('$30.00 left to refund');
  await refund.getByLabel(/Amount to refund/).fill('10.00');
  await refund.getByRole('button', { name: 'Refund…' }).click();
  // The confirm step names the amount and what follows; going back sends nothing.
  const question = page.getByRole('dialog', { name: 'Refund $10.00 to the buyer?' });
  await expect(question).toBeVisible();
  await expect(question).toHaveAccessibleDescription(/\$10\.00 goes back to the buyer's payment method.*cannot be undone/);
  await question.getByRole('button', { name: 'Go back' }).click();
  await expect(question).toBeHidden();
  await expect(live.getByTestId('refund-row')).toHaveCount(0);
  await refund.getByRole('button', { name: 'Refund…' }).click();
  await confirmIn(page, 'Send the refund');
  await expect(live.getByTestId('refund-state')).toHaveText(/^Refund pending/);
  await expect(live.getByTestId('refund-form')).toContainText('$20.00 left to refund');

  // Amazon settles the refund after 30 s of sandbox time and notifies the app by IPN;
  // the page follows on its own.
  await advanceSandboxClock(page, 60);
  await expect(live.getByTestId('refund-state')).toHaveText(/^Refunded/, { timeout: 20_000 });
  await expect(live.getByTestId('charge-refunded')).toHaveText('$10.00');
  await expect(page.getByTestId('payment-timeline')).toContainText(/Refund — Refunded/, { timeout: 20_000 });
  await expect(page.getByTestId('order-status')).toHaveText('Partially refunded');

  const tracking = live.getByTestId('tracking-form');
  await tracking.getByLabel('Carrier code').fill('UPS');
  await tracking.getByLabel('Tracking number').fill('1Z999AA10123456784');
  await tracking.getByRole('button', { name: 'Send tracking' }).click();
  await expect(tracking.getByRole('status')).toHaveText('Tracking sent to Amazon Pay.');
  await expect(page.getByTestId('payment-timeline')).toContainText('UPS 1Z999AA10123456784');
});

test('on the sign-up day the subscription is not due again, and the admin closes its charge permission', async ({ page }) => {
  test.setTimeout(120_000);
  await addToCart(page, 'monthly-coffee-club');
  await checkOutWithAmazon(page, { buyer: 'max', address: 0, card: '0005' });
  await placeOrder(page);
  const subscription = await orderNumberFrom(page);
  await signInAsAdmin(page);
  await page.goto(`/admin/orders/${subscription}`);
  const live = page.getByTestId('live-panel');
  await expect(live.getByTestId('permission-state')).toHaveText(/^Can be charged/);
  // A subscription has no parcel to track; a capture-once physical order had one.
  await expect(live.getByTestId('tracking-form')).toHaveCount(0);

  // The checkout's charge is this month's: the next period falls due a month later.
  await expect(live.getByTestId('charge-again-not-due')).toHaveText(
    /^Billing period 2 \(.+\) is not due yet\. It can be charged from [A-Z][a-z]+ \d{1,2}, \d{4}\.$/,
  );
  await expect(live.getByTestId('charge-again-form')).toHaveCount(0);
  await expect(live.getByTestId('charge-state')).toHaveText([/^Payment held/]);

  const close = live.getByTestId('close-form');
  await close.getByLabel('Reason for closing').fill('Buyer ended the subscription');
  await close.getByLabel('Also cancel charges not yet captured').check();
  await close.getByRole('button', { name: 'Close permission…' }).click();
  await confirmIn(page, 'Close it');
  await expect(live.getByTestId('permission-state')).toHaveText(/^Closed/);
  await expect(live.getByTestId('charge-state')).toHaveText([/^Canceled/]);
  await expect(live.getByTestId('close-form')).toHaveCount(0);
  await expect(live.getByTestId('charge-again-not-due')).toHaveCount(0);
});

test('tracking ships the order for the merchant and on the shopper’s order page, and the merchant marks it delivered', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await addToCart(page, 'enamel-camp-mug');
  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '1111' });
  await placeOrder(page);
  const number = await orderNumberFrom(page);
  await expect(page.getByTestId('order-fulfilment-status')).toHaveText('Not shipped yet');

  await signInAsAdmin(page);
  await page.goto(`/admin/orders/${number}`);
  const fulfilment = page.getByTestId('fulfilment-panel');
  await expect(fulfilment.getByTestId('fulfilment-status')).toHaveText('Not shipped yet');
  await expect(fulfilment.getByTestId('delivered-form')).toHaveCount(0);
  const tracking = page.getByTestId('live-panel').getByTestId('tracking-form');
  await tracking.getByLabel('Carrier code').fill('DHL');
  await tracking.getByLabel('Tracking number').fill('JD014600006281230704');
  await tracking.getByRole('button', { name: 'Send tracking' }).click();
  await expect(tracking.getByRole('status')).toHaveText('Tracking sent to Amazon Pay.');
  await expect(fulfilment.getByTestId('fulfilment-status')).toHaveText('Shipped');
  await expect(fulfilment.getByTestId('fulfilment-parcel')).toHaveText('With DHL, tracking number JD014600006281230704');

  await page.goto(`/admin/orders?q=${number}`);
  await expect(page.getByTestId('list-fulfilment')).toHaveText('Shipped');

  // The shopper's browser placed the order, so its order page shows the parcel.
  await page.goto(`/orders/${number}`);
  await expect(page.getByTestId('order-fulfilment')).toHaveText(/^Shipped with DHL, tracking number JD014600006281230704 · /);

  await page.goto(`/admin/orders/${number}`);
  await fulfilment.getByRole('button', { name: 'Mark delivered' }).click();
  await expect(fulfilment.getByTestId('fulfilment-status')).toHaveText('Delivered');
  await expect(fulfilment.getByTestId('delivered-form')).toHaveCount(0);
  await expect(page.getByTestId('payment-timeline')).toContainText('Fulfilment — Delivered');
  await page.goto(`/orders/${number}`);
  await expect(page.getByTestId('order-fulfilment')).toHaveText(/^Delivered with DHL, tracking number JD014600006281230704/);
});

test('a declined order offers no tracking or close, and shows Amazon’s reason in words with the code on hover', async ({
  page,
}) => {
  requireOfflineSandbox('the pending-then-declined test card and the sandbox clock');
  test.setTimeout(120_000);
  await addToCart(page, 'enamel-camp-mug');
  // Jane's Amex ending 4354: AuthorizationInitiated, then HardDeclined when the sandbox clock moves on.
  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '4354' });
  await placeOrder(page);
  const number = await orderNumberFrom(page);
  await advanceSandboxClock(page, 60);
  await expect(page.getByTestId('order-status')).toHaveText('Payment declined', { timeout: 60_000 });

  await signInAsAdmin(page);
  await page.goto(`/admin/orders/${number}`);
  const live = page.getByTestId('live-panel');
  await expect(live.getByTestId('charge-state')).toHaveText(/^Declined/);
  await expect(live.getByTestId('tracking-form')).toHaveCount(0);
  await expect(live.getByTestId('close-form')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Send tracking|Close permission|Mark delivered/ })).toHaveCount(0);
  await expect(page.getByTestId('tracking-refusal')).toHaveText(
    'No tracking or delivery to record: the payment for this order was declined, so there is nothing to ship.',
  );
  const reason = page.getByTestId('order-reason').locator('abbr');
  await expect(reason).toHaveAttribute('title', 'HardDeclined');
  await expect(reason).toHaveText('Declined for good (Amazon Pay: HardDeclined)');

  await page.goto(`/admin/orders?view=attempts&q=${number}`);
  const attemptReason = page.getByTestId('attempt-reason').locator('abbr');
  await expect(attemptReason).toHaveAttribute('title', 'HardDeclined');
  await expect(attemptReason).toContainText('Declined for good');
});

test('a shopper signed in with Amazon who opens the admin is sent to the admin sign-in and sees no data', async ({ page }) => {
  await page.goto('/account');
  await page.getByTestId('amazon-button-SignIn').getByRole('button').click();
  await page.locator('#sandbox-buyer-olivia').check();
  await page.locator('#sandbox-signin-continue').click();
  await expect(page).toHaveURL(/\/account$/);

  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(page.getByRole('table')).toHaveCount(0);
  await page.goto('/admin/orders/NW-100001');
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(page.getByTestId('live-panel')).toHaveCount(0);
  const api = await page.request.get('/api/admin/orders/NW-100001/live');
  expect(api.status()).toBe(401);
});
