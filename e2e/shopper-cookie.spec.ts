import { expect, test, type BrowserContext } from '@playwright/test';
import { requireBuyer } from './support/environment';
import { addToCart, checkOutWithAmazon, orderNumberFrom, placeOrder } from './support/shop';

async function shopperCookie(context: BrowserContext): Promise<string | undefined> {
  return (await context.cookies()).find((cookie) => cookie.name === 'shopper')?.value;
}

test('a fresh browser holds its shopper cookie from the first page, and Place order keeps it', async ({ page, context }) => {
  requireBuyer();
  expect(await shopperCookie(context)).toBeUndefined();
  await page.goto('/');
  const token = await shopperCookie(context);
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

  await addToCart(page, 'enamel-camp-mug');
  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '1111' });
  expect(await shopperCookie(context)).toBe(token);

  // Place order answers without a new shopper cookie: the order is bound to the one the page held.
  const placeOrderResponse = page.waitForResponse(
    (response) => response.request().method() === 'POST' && response.url().includes('/checkout/review'),
  );
  await placeOrder(page);
  expect((await (await placeOrderResponse).headerValue('set-cookie')) ?? '').not.toContain('shopper=');
  await orderNumberFrom(page);
  await expect(page.getByTestId('order-status')).toHaveText('Payment authorized');
  expect(await shopperCookie(context)).toBe(token);
});

test('Place order from a browser without the cookie is refused, and works once the page reloads', async ({ page, context }) => {
  requireBuyer();
  await addToCart(page, 'enamel-camp-mug');
  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '1111' });
  await context.clearCookies({ name: 'shopper' });
  await placeOrder(page);
  await expect(page.getByText(/reload the page/)).toBeVisible();
  await expect(page).toHaveURL(/\/checkout\/review/);

  // The refusal refreshes the review from the server; that page load hands out a fresh cookie.
  await expect.poll(() => shopperCookie(context)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await placeOrder(page);
  await orderNumberFrom(page);
  await expect(page.getByTestId('order-status')).toHaveText('Payment authorized');
});
