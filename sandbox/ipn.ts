import { createSign, createVerify, randomBytes, randomUUID } from 'node:crypto';
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

/** SNS asks the endpoint to confirm before it counts as subscribed (https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html). */
export interface SnsSubscriptionConfirmation {
  Type: 'SubscriptionConfirmation';
  MessageId: string;
  Token: string;
  TopicArn: string;
  Message: string;
  SubscribeURL: string;
  Timestamp: string;
  SignatureVersion: '1' | '2';
  Signature: string;
  SigningCertURL: string;
}

/** CHARGEBACK has no API object to GET; the sandbox sends it only when asked (control API). */
export type IpnObjectType = StateChange['objectType'] | 'CHARGEBACK';
export type IpnNotificationType = 'STATE_CHANGE' | 'ATTRIBUTE_CHANGE';

export interface IpnMessage {
  MerchantID: string;
  ObjectType: IpnObjectType;
  ObjectId: string;
  ChargePermissionId: string;
  NotificationType: IpnNotificationType;
  NotificationId: string;
  NotificationVersion: 'V2';
}

export interface IpnEvent {
  objectType: IpnObjectType;
  objectId: string;
  chargePermissionId: string;
  notificationType: IpnNotificationType;
}

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  error?: string;
}

interface Delivery {
  envelope: { Type: string; MessageId: string; TopicArn: string };
  url: string | null;
  attempts: DeliveryAttempt[];
  delivered: boolean;
}

export interface NotificationRecord extends Delivery {
  notificationId: string;
  message: IpnMessage;
  envelope: SnsEnvelope;
}

export interface SubscriptionRecord extends Delivery {
  token: string;
  envelope: SnsSubscriptionConfirmation;
  /** Set when the endpoint fetched SubscribeURL. */
  subscriptionArn: string | null;
  confirmedAt: string | null;
}

export const TOPIC_ARN = 'arn:aws:sns:us-east-1:000000000000:AmazonPaySandboxIpn';
export const SIGNING_CERT_PATH = '/__sandbox/sns-cert.pem';
/** SubscribeURL's path; the query is AWS's `Action=ConfirmSubscription&TopicArn=…&Token=…`. */
export const SUBSCRIBE_PATH = '/__sandbox/sns';

/**
 * AWS: `Key\nValue\n` for Message, MessageId, Subject, SubscribeURL, Timestamp, Token, TopicArn, Type
 * when present (https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html).
 */
export function snsStringToSign(
  envelope: Pick<SnsEnvelope, 'Message' | 'MessageId' | 'Timestamp' | 'TopicArn'> & {
    Type: string;
    Subject?: string;
    SubscribeURL?: string;
    Token?: string;
  },
): string {
  const pairs: Array<[string, string | undefined]> = [
    ['Message', envelope.Message],
    ['MessageId', envelope.MessageId],
    ['Subject', envelope.Subject],
    ['SubscribeURL', envelope.SubscribeURL],
    ['Timestamp', envelope.Timestamp],
    ['Token', envelope.Token],
    ['TopicArn', envelope.TopicArn],
    ['Type', envelope.Type],
  ];
  return pairs
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}\n${value}\n`)
    .join('');
}

const hashFor = (version: '1' | '2') => (version === '1' ? 'RSA-SHA1' : 'RSA-SHA256');

export function signSnsEnvelope<T extends SnsEnvelope | SnsSubscriptionConfirmation>(
  unsigned: Omit<T, 'Signature'>,
  privateKeyPem: string,
): T {
  const signature = createSign(hashFor(unsigned.SignatureVersion))
    .update(snsStringToSign(unsigned))
    .sign(privateKeyPem, 'base64');
  return { ...unsigned, Signature: signature } as T;
}

export function verifySnsEnvelope(envelope: SnsEnvelope | SnsSubscriptionConfirmation, certificatePem: string): boolean {
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
  readonly subscriptions: SubscriptionRecord[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly options: IpnOptions,
    private readonly merchantId: () => string,
    private readonly publicBaseUrl: () => string,
  ) {}

  attach(store: Store): void {
    store.onStateChange((change) => this.enqueue(change));
    // Amazon's topic subscribes the configured endpoint, and SNS asks it to confirm first.
    if (this.options.url) this.requestSubscription(this.options.url);
  }

  /** A new endpoint gets a SubscriptionConfirmation, as SNS sends one to every new HTTP(S) subscriber. */
  setUrl(url: string | null): void {
    this.options.url = url;
    if (url) this.requestSubscription(url);
  }

  setSignatureVersion(version: '1' | '2'): void {
    this.options.signatureVersion = version;
  }

  reset(): void {
    this.sent.length = 0;
  }

  enqueue(change: StateChange): NotificationRecord {
    return this.notify({ ...change, notificationType: 'STATE_CHANGE' });
  }

  notify(event: IpnEvent): NotificationRecord {
    const message: IpnMessage = {
      MerchantID: this.merchantId(),
      ObjectType: event.objectType,
      ObjectId: event.objectId,
      ChargePermissionId: event.chargePermissionId,
      NotificationType: event.notificationType,
      NotificationId: randomUUID(),
      NotificationVersion: 'V2',
    };
    const base = this.publicBaseUrl();
    const envelope = signSnsEnvelope<SnsEnvelope>(
      {
        Type: 'Notification',
        MessageId: randomUUID(),
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
    this.start(record);
    return record;
  }

  requestSubscription(url: string): SubscriptionRecord {
    const base = this.publicBaseUrl();
    const token = randomBytes(32).toString('hex');
    const query = new URLSearchParams({ Action: 'ConfirmSubscription', TopicArn: TOPIC_ARN, Token: token });
    const envelope = signSnsEnvelope<SnsSubscriptionConfirmation>(
      {
        Type: 'SubscriptionConfirmation',
        MessageId: randomUUID(),
        Token: token,
        TopicArn: TOPIC_ARN,
        // AWS's wording (http-notification-json.html).
        Message: `You have chosen to subscribe to the topic ${TOPIC_ARN}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
        SubscribeURL: `${base}${SUBSCRIBE_PATH}?${query.toString()}`,
        Timestamp: new Date().toISOString(),
        SignatureVersion: this.options.signatureVersion,
        SigningCertURL: `${base}${SIGNING_CERT_PATH}`,
      },
      snsIdentity().privateKeyPem,
    );
    const record: SubscriptionRecord = {
      token,
      envelope,
      url,
      attempts: [],
      delivered: false,
      subscriptionArn: null,
      confirmedAt: null,
    };
    this.subscriptions.push(record);
    this.start(record);
    return record;
  }

  /** SubscribeURL was fetched: the subscription's ARN, or null for a token SNS never sent. */
  confirmSubscription(topicArn: string | null, token: string | null): SubscriptionRecord | null {
    const record = this.subscriptions.find((s) => s.token === token && s.envelope.TopicArn === topicArn);
    if (!record) return null;
    record.subscriptionArn ??= `${TOPIC_ARN}:${randomUUID()}`;
    record.confirmedAt ??= new Date().toISOString();
    return record;
  }

  private start(record: Delivery): void {
    if (!record.url) return;
    const delivery = this.deliver(record, record.url).finally(() => this.inFlight.delete(delivery));
    this.inFlight.add(delivery);
  }

  private async deliver(record: Delivery, url: string): Promise<void> {
    const body = JSON.stringify(record.envelope, null, 2);
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await this.options.fetch(url, {
          method: 'POST',
          body,
          headers: {
            'content-type': 'text/plain; charset=UTF-8',
            'x-amz-sns-message-type': record.envelope.Type,
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
