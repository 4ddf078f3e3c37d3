import { createSign, createVerify, randomUUID } from 'node:crypto';
import type { Store } from './state/store';
import type { StateChange } from './state/types';
import { snsIdentity } from './sns-cert';

/**
 * Instant Payment Notifications (https://developer.amazon.com/docs/amazon-pay-checkout/set-up-instant-payment-notifications.html):
 * after every state change of a
 * charge, refund or charge permission, an SNS envelope is POSTed as text/plain to
 * the configured URL. The body has no state, so receivers GET the object.
 */
export interface SnsEnvelope {
  Type: 'Notification';
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: '1' | '2';
  Signature: string;
  SigningCertURL: string;
  UnsubscribeURL: string;
}

export interface IpnMessage {
  MerchantID: string;
  ObjectType: StateChange['objectType'];
  ObjectId: string;
  ChargePermissionId: string;
  NotificationType: 'STATE_CHANGE';
  NotificationId: string;
  NotificationVersion: 'V2';
}

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  error?: string;
}

export interface NotificationRecord {
  notificationId: string;
  message: IpnMessage;
  envelope: SnsEnvelope;
  url: string | null;
  attempts: DeliveryAttempt[];
  delivered: boolean;
}

export const TOPIC_ARN = 'arn:aws:sns:us-east-1:000000000000:AmazonPaySandboxIpn';
export const SIGNING_CERT_PATH = '/__sandbox/sns-cert.pem';

/**
 * AWS: `Key\nValue\n` for Message, MessageId, Subject, Timestamp, TopicArn, Type when present
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html).
 */
export function snsStringToSign(
  envelope: Pick<SnsEnvelope, 'Message' | 'MessageId' | 'Timestamp' | 'TopicArn' | 'Type'> & { Subject?: string },
): string {
  const pairs: Array<[string, string | undefined]> = [
    ['Message', envelope.Message],
    ['MessageId', envelope.MessageId],
    ['Subject', envelope.Subject],
    ['Timestamp', envelope.Timestamp],
    ['TopicArn', envelope.TopicArn],
    ['Type', envelope.Type],
  ];
  return pairs
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}\n${value}\n`)
    .join('');
}

const hashFor = (version: '1' | '2') => (version === '1' ? 'RSA-SHA1' : 'RSA-SHA256');

export function signSnsEnvelope(unsigned: Omit<SnsEnvelope, 'Signature'>, privateKeyPem: string): SnsEnvelope {
  const signature = createSign(hashFor(unsigned.SignatureVersion))
    .update(snsStringToSign(unsigned))
    .sign(privateKeyPem, 'base64');
  return { ...unsigned, Signature: signature };
}

export function verifySnsEnvelope(envelope: SnsEnvelope, certificatePem: string): boolean {
  return createVerify(hashFor(envelope.SignatureVersion))
    .update(snsStringToSign(envelope))
    .verify(certificatePem, envelope.Signature, 'base64');
}

export interface IpnOptions {
  url: string | null;
  signatureVersion: '1' | '2';
  /** Waits between attempts on non-2xx; SNS backs off similarly. Real timers: delivery is I/O, not sandbox time. */
  retryDelaysMs: number[];
  fetch: typeof fetch;
}

export class IpnDispatcher {
  readonly sent: NotificationRecord[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly options: IpnOptions,
    private readonly merchantId: () => string,
    private readonly publicBaseUrl: () => string,
  ) {}

  attach(store: Store): void {
    store.onStateChange((change) => this.enqueue(change));
  }

  setUrl(url: string | null): void {
    this.options.url = url;
  }

  setSignatureVersion(version: '1' | '2'): void {
    this.options.signatureVersion = version;
  }

  reset(): void {
    this.sent.length = 0;
  }

  enqueue(change: StateChange): NotificationRecord {
    const message: IpnMessage = {
      MerchantID: this.merchantId(),
      ObjectType: change.objectType,
      ObjectId: change.objectId,
      ChargePermissionId: change.chargePermissionId,
      NotificationType: 'STATE_CHANGE',
      NotificationId: randomUUID(),
      NotificationVersion: 'V2',
    };
    const base = this.publicBaseUrl();
    const messageId = randomUUID();
    const envelope = signSnsEnvelope(
      {
        Type: 'Notification',
        MessageId: messageId,
        TopicArn: TOPIC_ARN,
        Message: JSON.stringify(message),
        Timestamp: new Date().toISOString(),
        SignatureVersion: this.options.signatureVersion,
        SigningCertURL: `${base}${SIGNING_CERT_PATH}`,
        UnsubscribeURL: `${base}/__sandbox/unsubscribe?SubscriptionArn=${encodeURIComponent(TOPIC_ARN)}`,
      },
      snsIdentity().privateKeyPem,
    );
    const record: NotificationRecord = {
      notificationId: message.NotificationId,
      message,
      envelope,
      url: this.options.url,
      attempts: [],
      delivered: false,
    };
    this.sent.push(record);
    if (record.url) {
      const delivery = this.deliver(record, record.url).finally(() => this.inFlight.delete(delivery));
      this.inFlight.add(delivery);
    }
    return record;
  }

  private async deliver(record: NotificationRecord, url: string): Promise<void> {
    const body = JSON.stringify(record.envelope, null, 2);
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await this.options.fetch(url, {
          method: 'POST',
          body,
          headers: {
            'content-type': 'text/plain; charset=UTF-8',
            'x-amz-sns-message-type': 'Notification',
            'x-amz-sns-message-id': record.envelope.MessageId,
            'x-amz-sns-topic-arn': record.envelope.TopicArn,
          },
        });
        await response.arrayBuffer().catch(() => undefined);
        record.attempts.push({ at: new Date().toISOString(), status: response.status });
        if (response.ok) {
          record.delivered = true;
          return;
        }
      } catch (error) {
        record.attempts.push({
          at: new Date().toISOString(),
          status: null,
          error: error instanceof Error ? error.message : String(error),
        });
      }
      const delay = this.options.retryDelaysMs[attempt];
      if (delay === undefined) return;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  /** Resolves when every delivery started so far has finished its retries. */
  async flush(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }
}
