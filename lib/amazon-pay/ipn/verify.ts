import { verify as verifySignature, type X509Certificate } from 'node:crypto';
import type { z } from 'zod';
import { createCertificateCache, type FetchLike } from './cert-cache';
import { checkCertUrl, type SnsUrlPolicy } from './cert-url';
import { InvalidNotificationError } from './errors';
import { amazonPayNotificationJsonSchema, snsEnvelopeSchema, type AmazonPayNotification, type SnsEnvelope } from './sns-envelope';
import { snsStringToSign } from './string-to-sign';

export interface SnsVerifierOptions extends SnsUrlPolicy {
  /**
   * TopicArns we subscribed to. Set it outside tests: any AWS account can get SNS to
   * sign a message from its own topic, and only this check tells it from Amazon Pay's
   * Omitted: every topic passes.
   */
  expectedTopicArns?: readonly string[];
  /** Fetches the signing certificate; the sandbox's in-process `fetch` fits. */
  fetch?: FetchLike;
  /** How long a certificate stays cached; default 1 hour. */
  certCacheTtlMs?: number;
  /** Default 5 s: the IPN must answer 2xx quickly, so a slow certificate host must not hold it. */
  certFetchTimeoutMs?: number;
  /** Clock for the cache TTL (tests). */
  now?: () => number;
}

export type VerifiedNotification =
  | { kind: 'notification'; message: AmazonPayNotification; messageId: string; timestamp: string; topicArn: string }
  | { kind: 'subscription-confirmation'; subscribeUrl: string; token: string; topicArn: string; messageId: string }
  | { kind: 'unsubscribe-confirmation'; topicArn: string; messageId: string };

export type SubscriptionConfirmation = Extract<VerifiedNotification, { kind: 'subscription-confirmation' }>;

export interface SnsVerifier {
  /** Verifies the raw POST body; throws InvalidNotificationError, which the route answers with 400. */
  verify(rawBody: string): Promise<VerifiedNotification>;
}

// SignatureVersion 1 is RSA PKCS#1 v1.5 with SHA1, 2 the same with SHA256
// (https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html).
// A Map, not an object literal: `SignatureVersion: "toString"` must not find a prototype member.
const DIGEST_BY_VERSION: ReadonlyMap<string, 'sha1' | 'sha256'> = new Map([
  ['1', 'sha1'],
  ['2', 'sha256'],
]);
const DEFAULT_CERT_TTL_MS = 60 * 60 * 1000;
const DEFAULT_CERT_FETCH_TIMEOUT_MS = 5_000;
// Real SNS uses a handful of certificates per region; the bound only stops a flood of URLs on an allowed host.
const MAX_CACHED_CERTS = 100;

export function createSnsVerifier(options: SnsVerifierOptions): SnsVerifier {
  const policy: SnsUrlPolicy = {
    allowedCertHosts: options.allowedCertHosts,
    allowInsecureCertUrl: options.allowInsecureCertUrl ?? false,
  };
  const expectedTopics = options.expectedTopicArns ? new Set(options.expectedTopicArns) : null;
  const certificates = createCertificateCache({
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    ttlMs: options.certCacheTtlMs ?? DEFAULT_CERT_TTL_MS,
    timeoutMs: options.certFetchTimeoutMs ?? DEFAULT_CERT_FETCH_TIMEOUT_MS,
    now: options.now ?? Date.now,
    maxEntries: MAX_CACHED_CERTS,
  });

  return {
    async verify(rawBody) {
      const envelope = parseEnvelope(rawBody);
      // Before any fetch: a message from a foreign topic must not make us call out.
      if (expectedTopics && !expectedTopics.has(envelope.TopicArn)) {
        throw new InvalidNotificationError('unexpected-topic', `TopicArn not expected: ${envelope.TopicArn}`);
      }
      const digest = DIGEST_BY_VERSION.get(envelope.SignatureVersion);
      if (digest === undefined) {
        throw new InvalidNotificationError(
          'unsupported-signature-version',
          `SignatureVersion ${envelope.SignatureVersion} is not supported`,
        );
      }
      const certUrl = checkCertUrl(envelope.SigningCertURL, policy);
      const certificate = await certificates.get(certUrl.href);
      assertSigned(envelope, digest, certificate);
      return toVerified(envelope);
    },
  };
}

function parseEnvelope(rawBody: string): SnsEnvelope {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new InvalidNotificationError('malformed', 'body is not JSON');
  }
  const parsed = snsEnvelopeSchema.safeParse(json);
  if (!parsed.success) {
    throw malformedAt('SNS envelope', parsed.error);
  }
  return parsed.data;
}

// Key names only: zod's issue messages can quote values, and the body must stay out of logs.
function malformedAt(what: string, error: z.ZodError): InvalidNotificationError {
  const keys = new Set(error.issues.map((issue) => issue.path.map(String).join('.') || '(root)'));
  return new InvalidNotificationError('malformed', `${what} invalid at: ${[...keys].join(', ')}`);
}

function assertSigned(envelope: SnsEnvelope, digest: 'sha1' | 'sha256', certificate: X509Certificate): void {
  // SNS signs with RSA only; another key type would make verify() run a different scheme.
  if (certificate.publicKey.asymmetricKeyType !== 'rsa') {
    throw new InvalidNotificationError('bad-signature', 'signing certificate does not hold an RSA key');
  }
  let valid: boolean;
  try {
    valid = verifySignature(
      digest,
      Buffer.from(snsStringToSign(envelope), 'utf8'),
      certificate.publicKey,
      Buffer.from(envelope.Signature, 'base64'),
    );
  } catch (error) {
    throw new InvalidNotificationError('bad-signature', 'signature could not be checked', { cause: error });
  }
  if (!valid) throw new InvalidNotificationError('bad-signature', `signature does not verify (MessageId ${envelope.MessageId})`);
}

function toVerified(envelope: SnsEnvelope): VerifiedNotification {
  if (envelope.Type === 'SubscriptionConfirmation') {
    return {
      kind: 'subscription-confirmation',
      subscribeUrl: envelope.SubscribeURL,
      token: envelope.Token,
      topicArn: envelope.TopicArn,
      messageId: envelope.MessageId,
    };
  }
  if (envelope.Type === 'UnsubscribeConfirmation') {
    return { kind: 'unsubscribe-confirmation', topicArn: envelope.TopicArn, messageId: envelope.MessageId };
  }
  // Parsed only now: until the signature held, Message was untrusted bytes.
  const message = amazonPayNotificationJsonSchema.safeParse(envelope.Message);
  if (!message.success) {
    throw malformedAt('Amazon Pay message', message.error);
  }
  return {
    kind: 'notification',
    message: message.data,
    messageId: envelope.MessageId,
    timestamp: envelope.Timestamp,
    topicArn: envelope.TopicArn,
  };
}
