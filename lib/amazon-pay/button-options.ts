/**
 * checkout.js renderButton options that carry no secret; rendered by the server
 * (https://developer.amazon.com/docs/amazon-pay-checkout/amazon-pay-script.html).
 */
export interface AmazonButtonBase {
  scriptUrl: string;
  merchantId: string;
  ledgerCurrency: string;
  sandbox: boolean;
  checkoutLanguage: string;
  productType: 'PayAndShip' | 'PayOnly' | 'SignIn';
  placement: 'Home' | 'Product' | 'Cart' | 'Checkout' | 'Other';
  estimatedOrderAmount?: { amount: string; currencyCode: string };
}

/** The signed payload a click needs: createCheckoutSessionConfig or signInConfig. */
export interface SignedButtonConfig {
  payloadJSON: string;
  signature: string;
  publicKeyId: string;
  algorithm: string;
}

export type SignedButtonResult = { ok: true; config: SignedButtonConfig } | { ok: false; message: string };
