/** Test-only: an environment with (fake) Amazon Pay credentials, for parseConfig. */
export const TEST_PEM = '-----BEGIN PRIVATE KEY-----\nMIIEv…\n-----END PRIVATE KEY-----\n';

export const LIVE_ENV = {
  AMAZON_PAY_PUBLIC_KEY_ID: 'SANDBOX-AHEXAMPLE',
  AMAZON_PAY_PRIVATE_KEY: TEST_PEM,
  AMAZON_PAY_MERCHANT_ID: 'A1MERCHANT',
  AMAZON_PAY_STORE_ID: 'amzn1.application-oa2-client.example',
  APP_URL: 'https://shop.example',
};
