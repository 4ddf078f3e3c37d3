import { expect, test } from '@playwright/test';
import { signInAsAdmin } from './support/admin';
import probes from './fixtures/secret-probes.json' with { type: 'json' };

const ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? 'admin@example.com';
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? probes.ADMIN_PASSWORD;

test('the admin area shows nothing without signing in, and lets the admin in', async ({ page }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(page.getByRole('heading', { name: 'Store admin' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);

  await page.getByLabel('Email').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('That email and password do not match our records.')).toBeVisible();

  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/login$/);
});

test('Sign out everywhere ends the admin’s sessions in every browser', async ({ browser }) => {
  const signedIn = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAsAdmin(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    return { context, page };
  };
  const laptop = await signedIn();
  const phone = await signedIn();
  await laptop.page.reload();
  await expect(laptop.page.getByTestId('admin-sessions').getByRole('listitem')).toHaveCount(2);

  // The dashboard re-renders without a session, which is the sign-in page.
  await laptop.page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(laptop.page).toHaveURL(/\/admin\/login$/);
  for (const { page } of [laptop, phone]) {
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/admin\/login$/);
  }
  await laptop.context.close();
  await phone.context.close();
});
