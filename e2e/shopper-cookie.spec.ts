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

test('a browser that lost its cookie is another browser: Place order is refused and a new checkout works', async ({
  page,
  context,
}) => {
  requireBuyer();
  await addToCart(page, 'enamel-camp-mug');
  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '1111' });
  await context.clearCookies({ name: 'shopper' });
  await placeOrder(page);
  // The checkout belongs to the cookie that signed its button; nothing of its buyer is shown.
  await expect(page.getByText('This checkout was started in another browser. Please start again from your cart.')).toBeVisible();
  await expect(page.getByTestId('buyer-name')).toHaveCount(0);

  await expect.poll(() => shopperCookie(context)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '1111' });
  await placeOrder(page);
  await orderNumberFrom(page);
  await expect(page.getByTestId('order-status')).toHaveText('Payment authorized');
});
