import { expect, type APIRequestContext, type Page } from '@playwright/test';
import probes from '../fixtures/secret-probes.json' with { type: 'json' };

export const ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? 'admin@example.com';
export const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? probes.ADMIN_PASSWORD;

/** Signs a browser page in as the admin through the login form, and waits for the dashboard. */
export async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('Email').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

/** Signs an API context in as the admin through next-auth's credentials endpoint. */
export async function signInAdmin(request: APIRequestContext): Promise<void> {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/admin', {
    form: { csrfToken, email: ADMIN_EMAIL, password: ADMIN_PASSWORD, json: 'true' },
  });
  expect(response.ok()).toBe(true);
}

export interface StoredOrder {
  order: {
    number: string;
    status: string;
    paymentState: string;
    totalAmount: number;
    chargePermissionId: string | null;
    checkoutSessionId: string;
  };
  payments: Array<{ chargeId: string; state: string; authorizedAmount: number; capturedAmount: number }>;
  refunds: Array<{ refundId: string; state: string; amount: number }>;
}

/** The order as our database holds it, read through the admin API. */
export async function storedOrder(request: APIRequestContext, number: string): Promise<StoredOrder> {
  const response = await request.get(`/api/admin/orders/${number}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as StoredOrder;
}
