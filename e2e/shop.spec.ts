import { expect, test, type Page } from '@playwright/test';

/** The focused element's role (or tag) and text, as a screen reader would land on it. */
function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return `${active?.getAttribute('role') ?? active?.tagName.toLowerCase() ?? ''}: ${active?.textContent?.trim() ?? ''}`;
  });
}

function dollars(text: string | null): number {
  return Math.round(Number((text ?? '').replace(/[^0-9.]/g, '')) * 100);
}

test('a shopper browses, fills the cart, changes a quantity, removes a line and sees the totals', async ({ page }) => {
  await page.goto('/');
  const productLinks = page.locator('a[href^="/products/"]');
  expect(await productLinks.count()).toBeGreaterThanOrEqual(8);

  await page.getByRole('link', { name: /Enamel Camp Mug/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enamel Camp Mug' })).toBeVisible();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
  await expect.poll(() => focusedText(page)).toMatch(/^status: Added to your cart\./);
  await expect(page.getByTestId('cart-count')).toHaveText('1');

  await page.goto('/products/brewing-field-guide');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByTestId('cart-count')).toHaveText('2');

  await page.getByRole('link', { name: /^Cart/ }).click();
  await expect(page.getByRole('heading', { name: 'Your cart' })).toBeVisible();
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  // $22.00 + $12.00, standard shipping $5.95 because the mug ships.
  await expect(page.getByTestId('cart-subtotal')).toHaveText('$34.00');
  await expect(page.getByTestId('cart-shipping')).toHaveText('$5.95');
  await expect(page.getByTestId('cart-total')).toHaveText('$39.95');

  await page.getByLabel('Quantity of Enamel Camp Mug').selectOption('3');
  await expect(page.getByTestId('cart-subtotal')).toHaveText('$78.00');
  await expect(page.getByTestId('cart-count')).toHaveText('4');
  // $66.00 of goods that ship passes the $75 free-shipping threshold only with more mugs.
  await expect(page.getByTestId('cart-shipping')).toHaveText('$5.95');

  await page.getByRole('button', { name: 'Remove Enamel Camp Mug' }).click();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect.poll(() => focusedText(page)).toBe('status: Removed Enamel Camp Mug from your cart.');
  await expect(page.getByTestId('cart-subtotal')).toHaveText('$12.00');
  await expect(page.getByTestId('cart-shipping')).toHaveText('Not needed');
  await expect(page.getByTestId('cart-count')).toHaveText('1');

  // The server's cart, not the optimistic view, survives a reload.
  await page.reload();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  expect(dollars(await page.getByTestId('cart-total').textContent())).toBe(1200);
});

test('the subscription can be added once and unknown products get a 404 page', async ({ page }) => {
  await page.goto('/products/monthly-coffee-club');
  await expect(page.getByText('/ month', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText('Added to your cart.')).toBeVisible();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText('Monthly Coffee Club can be added once per order.')).toBeVisible();

  const response = await page.goto('/products/no-such-product');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'We couldn’t find that page' })).toBeVisible();
});

test('every product page answers 200', async ({ page, request }) => {
  await page.goto('/');
  const hrefs = await page
    .locator('a[href^="/products/"]')
    .evaluateAll((links) =>
      [...new Set(links.map((link) => link.getAttribute('href')))].filter((href): href is string => href !== null),
    );
  expect(hrefs.length).toBeGreaterThanOrEqual(8);
  for (const href of hrefs) {
    expect(href).toMatch(/^\/products\/[a-z0-9-]+$/);
    expect((await request.get(href)).status(), href).toBe(200);
  }
});
