import { expect, type Page } from '@playwright/test';
import { AGAINST_REAL_AMAZON, REAL_BUYER } from './environment';

export const SANDBOX_URL = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? '4210'}`;

export async function addToCart(page: Page, slug: string, quantity = 1): Promise<void> {
  await page.goto(`/products/${slug}`);
  if (quantity > 1) await page.getByLabel('Quantity', { exact: true }).selectOption(String(quantity));
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText('Added to your cart.')).toBeVisible();
}

export interface AmazonChoice {
  buyer: 'jane' | 'max' | 'olivia';
  address?: number;
  card: string;
}

/** Clicks the Amazon Pay button and plays the buyer on the (sandbox) hosted pages, ending on our review page. */
export async function checkOutWithAmazon(page: Page, choice: AmazonChoice): Promise<void> {
  await page.goto('/cart');
  await page.getByTestId('amazon-button-PayAndShip').or(page.getByTestId('amazon-button-PayOnly')).getByRole('button').click();
  if (AGAINST_REAL_AMAZON) {
    await signInOnAmazon(page);
    // Amazon's own page: keep the test buyer's default address and card.
    await page
      .getByRole('button', { name: /continue/i })
      .first()
      .click();
  } else {
    await page.locator(`#sandbox-buyer-${choice.buyer}`).check();
    await page.locator('#sandbox-signin-continue').click();
    await chooseOnAmazon(page, choice);
  }
  await expect(page.getByRole('heading', { name: 'Review your order' })).toBeVisible();
}

export async function chooseOnAmazon(page: Page, choice: Omit<AmazonChoice, 'buyer'>): Promise<void> {
  if (choice.address !== undefined) await page.locator(`#sandbox-address-${choice.address}`).check();
  await page.locator(`#sandbox-card-${choice.card}`).check();
  await page.locator('#sandbox-continue').click();
}

/**
 * Presses Place order on the review page. The button stays disabled until the page has hydrated, and a click waits
 * for an enabled target, so it never lands on a button whose handler is not attached yet.
 */
export async function placeOrder(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Place order/ }).click();
}

/** A US address for the "Check out with your address" form; `postalCode` lets a spec type a bad one. */
export async function enterShopAddress(page: Page, { postalCode = '97201' }: { postalCode?: string } = {}): Promise<void> {
  await page.getByLabel('Full name').fill('Ada Lovelace');
  await page.getByLabel('Street and house number').fill('12 Analytical Way');
  await page.getByLabel('Town or city').fill('Portland');
  await page.getByLabel('State or region (optional)').fill('OR');
  await page.getByLabel('Postal code').fill(postalCode);
  await page.getByLabel('Country').selectOption('US');
  await page.getByLabel('Phone (for the courier)').fill('+1 503 555 0100');
  await page.getByRole('button', { name: 'Continue to payment' }).click();
}

/** What the sandbox holds for an object, read through its control API. */
export async function sandboxObject(page: Page, kind: 'checkout-sessions' | 'charges' | 'charge-permissions', id: string) {
  const response = await page.request.get(`${SANDBOX_URL}/__sandbox/${kind}/${id}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as Record<string, unknown> & { statusDetails: { state: string; reasonCode?: string | null } };
}

export function checkoutSessionIdFrom(url: string): string {
  const id = new URL(url).searchParams.get('amazonCheckoutSessionId');
  expect(id).toBeTruthy();
  return id!;
}

export async function orderNumberFrom(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/orders\/NW-\d+$/);
  return (await page.getByTestId('order-number').textContent())!.trim();
}

/** Moves the sandbox clock so pending authorizations and refunds settle (and their IPNs go out). */
export async function advanceSandboxClock(page: Page, seconds: number): Promise<void> {
  const response = await page.request.post(`${SANDBOX_URL}/__sandbox/clock`, { data: { advanceSeconds: seconds } });
  expect(response.ok()).toBe(true);
}

/** Amazon's sign-in form, for runs against the real Amazon Pay sandbox. */
export async function signInOnAmazon(page: Page): Promise<void> {
  await page.locator('#ap_email').fill(REAL_BUYER.email ?? '');
  if (await page.locator('#continue').isVisible()) await page.locator('#continue').click();
  await page.locator('#ap_password').fill(REAL_BUYER.password ?? '');
  await page.locator('#signInSubmit').click();
}
