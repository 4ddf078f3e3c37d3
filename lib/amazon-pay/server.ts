import 'server-only';
import { AMAZON_SNS_HOST, createSnsVerifier, type SnsUrlPolicy, type SnsVerifier } from '@/lib/amazon-pay/ipn';
import { createAmazonPayClient, type AmazonPayClient } from '@/lib/amazon-pay';
import { checkoutScriptFor } from '@/lib/amazon-pay/checkout-script';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
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
    timeoutMs: amazonPay.timeoutMs,
    budgetMs: amazonPay.budgetMs,
    // Each attempt's operation, status, duration and Amazon's request id, under the request's or job's id.
    onAttempt: (record) =>
      log[record.status >= 500 || record.status === 0 ? 'warn' : 'info']({ amazonPay: record }, 'Amazon Pay call'),
  });
  return client;
}

/** checkout.js: the region's script from Amazon, or the offline sandbox's stand-in. */
export function checkoutScriptUrl(): string {
  return checkoutScriptFor(getConfig().amazonPay);
}

// What app/ and components/ need from Amazon Pay besides the client, so they import nothing else from it.
// `import type` is erased when compiled: a client component takes its types from here without server code.
export type { AmazonButtonBase, SignedButtonConfig, SignedButtonResult } from '@/lib/amazon-pay/button-options';
export { AmazonPayError, type Report, type ReportSchedule } from '@/lib/amazon-pay';
export { InvalidNotificationError } from '@/lib/amazon-pay/ipn';

let verifier: SnsVerifier | undefined;

export function ipnUrlPolicy(): SnsUrlPolicy {
  const { ipn } = getConfig().amazonPay;
  return { allowedCertHosts: ipn.certHosts ?? AMAZON_SNS_HOST, allowInsecureCertUrl: ipn.allowInsecureCertUrl };
}

/** How SubscriptionConfirmations are treated: the verifier's URL rule, and only the configured topics. */
export function ipnSubscriptionPolicy(): SnsUrlPolicy & { acceptedTopicArns: readonly string[] } {
  return { ...ipnUrlPolicy(), acceptedTopicArns: getConfig().amazonPay.ipn.topicArns };
}

/** One verifier per process, so its certificate cache is shared by every request. */
export function getIpnVerifier(): SnsVerifier {
  const { ipn } = getConfig().amazonPay;
  verifier ??= createSnsVerifier({
    ...ipnUrlPolicy(),
    ...(ipn.topicArns.length > 0 ? { expectedTopicArns: ipn.topicArns } : {}),
  });
  return verifier;
}
