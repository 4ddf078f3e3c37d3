import 'server-only';
import { createAmazonPayClient, type AmazonPayClient } from '@/lib/amazon-pay';
import { checkoutScriptForRegion } from '@/lib/amazon-pay/regions';
import { getConfig } from '@/lib/config';
import { UserFacingError } from '@/lib/errors';

export class AmazonPayUnavailableError extends UserFacingError {
  constructor() {
    super('Amazon Pay is not available right now. Please try again in a moment.', 'amazon_pay_unavailable');
  }
}

let client: AmazonPayClient | undefined;

/** The app's one Amazon Pay client, built from the validated configuration. */
export function getAmazonPay(): AmazonPayClient {
  if (client) return client;
  const { amazonPay } = getConfig();
  if (!amazonPay.publicKeyId || !amazonPay.privateKey) throw new AmazonPayUnavailableError();
  client = createAmazonPayClient({
    publicKeyId: amazonPay.publicKeyId,
    privateKey: amazonPay.privateKey,
    region: amazonPay.region,
    sandbox: amazonPay.sandbox,
    endpoint: amazonPay.endpoint,
  });
  return client;
}

/** checkout.js: the region's script from Amazon, or the offline sandbox's stand-in. */
export function checkoutScriptUrl(): string {
  const { amazonPay } = getConfig();
  if (amazonPay.mode === 'offline' && amazonPay.endpoint) return new URL('/checkout.js', amazonPay.endpoint).toString();
  return checkoutScriptForRegion(amazonPay.region);
}
