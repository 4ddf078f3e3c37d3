import { test } from '@playwright/test';

/**
 * The e2e specs run against the offline sandbox by default. With AMAZON_PAY_* set, the
 * storefront talks to the real Amazon Pay sandbox instead; the specs then need a
 * sandbox test buyer to sign in on Amazon's pages.
 */
export const AGAINST_REAL_AMAZON = Boolean(process.env.AMAZON_PAY_PUBLIC_KEY_ID);
export const REAL_BUYER = { email: process.env.E2E_AMAZON_BUYER_EMAIL, password: process.env.E2E_AMAZON_BUYER_PASSWORD };

/** Every checkout spec: against real Amazon without a test buyer there is nobody to pay. */
export function requireBuyer(): void {
  test.skip(
    AGAINST_REAL_AMAZON && !(REAL_BUYER.email && REAL_BUYER.password),
    'Skipped: running against the real Amazon Pay sandbox needs E2E_AMAZON_BUYER_EMAIL and E2E_AMAZON_BUYER_PASSWORD (a sandbox test buyer).',
  );
}

/** Specs that pick magic cards or move the sandbox clock only exist offline. */
export function requireOfflineSandbox(what: string): void {
  test.skip(
    AGAINST_REAL_AMAZON,
    `Skipped against the real Amazon Pay sandbox: ${what} needs the offline sandbox's simulations and control API.`,
  );
}
