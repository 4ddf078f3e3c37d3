import { createSign } from 'node:crypto';
import { createSandbox, TOPIC_ARN, type Sandbox } from '@/sandbox';
import { snsIdentity } from '@/sandbox/sns-cert';
import type { FetchLike } from '@/lib/amazon-pay/ipn/cert-cache';
import type { SnsVerifierOptions } from '@/lib/amazon-pay/ipn/verify';
import { newRsaKeyPair } from './keys';

/**
 * Test helpers: real IPNs from the offline sandbox, whose certificate
 * is fetched in-process through `sandbox.fetch`.
 */
export const SANDBOX_BASE_URL = 'http://127.0.0.1:4010';
export const SANDBOX_CERT_URL = `${SANDBOX_BASE_URL}/__sandbox/sns-cert.pem`;
export { TOPIC_ARN };

export interface IpnHarness {
  sandbox: Sandbox;
  /** Makes the sandbox send one IPN and returns the body exactly as it was POSTed. */
  nextIpn(signatureVersion?: '1' | '2'): Promise<string>;
  /** Serves the certificate from the sandbox and records each URL fetched. */
  certFetch: FetchLike;
  certRequests: string[];
  /** Verifier options that fit the sandbox: its host and port, plain http, its topic. */
  verifierOptions(overrides?: Partial<SnsVerifierOptions>): SnsVerifierOptions;
}

export function ipnHarness(): IpnHarness {
  const posted: string[] = [];
  const capture: typeof fetch = async (_input, init) => {
    posted.push(String(init?.body));
    return new Response(null, { status: 200 });
  };
  const sandbox = createSandbox({
    frozenClock: true,
    publicBaseUrl: SANDBOX_BASE_URL,
    ipnUrl: 'https://shop.test/api/ipn',
    ipnRetryDelaysMs: [],
    fetch: capture,
  });
  const certRequests: string[] = [];
  let sequence = 0;
  return {
    sandbox,
    certRequests,
    certFetch: async (input, init) => {
      certRequests.push(input);
      return sandbox.fetch(input, init);
    },
    async nextIpn(signatureVersion = '2') {
      sandbox.ipn.setSignatureVersion(signatureVersion);
      sequence += 1;
      sandbox.store.emit({
        objectType: 'CHARGE',
        objectId: `S01-0000000-000000${sequence}-C01`,
        chargePermissionId: 'S01-0000000-0000001',
      });
      await sandbox.ipn.flush();
      const body = posted.at(-1);
      if (body === undefined) throw new Error('the sandbox sent no IPN');
      return body;
    },
    verifierOptions: (overrides = {}) => ({
      allowedCertHosts: ['127.0.0.1:4010'],
      allowInsecureCertUrl: true,
      expectedTopicArns: [TOPIC_ARN],
      ...overrides,
    }),
  };
}

// Written out here rather than imported from string-to-sign.ts, so the tests check
// the verifier against AWS's documented order, not against itself.
const SIGNED_KEYS = {
  Notification: ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'],
  SubscriptionConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
  UnsubscribeConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
} as const;

/** Signs `fields` the way SNS does, with the sandbox's key unless another is given. */
export function signLikeSns(
  fields: Record<string, string> & { Type: keyof typeof SIGNED_KEYS },
  options: { version?: '1' | '2'; privateKeyPem?: string } = {},
): Record<string, string> {
  const version = options.version ?? '2';
  const stringToSign = SIGNED_KEYS[fields.Type]
    .filter((key) => fields[key] !== undefined)
    .map((key) => `${key}\n${fields[key]}\n`)
    .join('');
  const signature = createSign(version === '1' ? 'RSA-SHA1' : 'RSA-SHA256')
    .update(stringToSign)
    .sign(options.privateKeyPem ?? snsIdentity().privateKeyPem, 'base64');
  return { ...fields, SignatureVersion: version, Signature: signature, SigningCertURL: SANDBOX_CERT_URL };
}

export function strangerPrivateKey(): string {
  return newRsaKeyPair().privateKeyPem;
}

export function subscriptionConfirmationFields(
  overrides: Record<string, string> = {},
): Record<string, string> & { Type: 'SubscriptionConfirmation' } {
  return {
    MessageId: '165545c9-2a5c-472c-8df2-7ff2be2b3b1b',
    Token:
      '2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad02428b09ceece29417f1f02d609c582afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03b0879594eeac82c01f235d0e717736',
    TopicArn: TOPIC_ARN,
    Message: `You have chosen to subscribe to the topic ${TOPIC_ARN}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
    SubscribeURL: `https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(TOPIC_ARN)}&Token=2336412f37`,
    Timestamp: '2026-01-15T12:00:00.000Z',
    ...overrides,
    Type: 'SubscriptionConfirmation',
  };
}

export interface Deferred {
  promise: Promise<void>;
  resolve(): void;
}

export function deferred(): Deferred {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
