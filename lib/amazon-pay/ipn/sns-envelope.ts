import { z } from 'zod';
import { jsonEncoded } from '../schemas/common';

/**
 * Shapes of an Amazon Pay IPN (https://developer.amazon.com/docs/amazon-pay-checkout/set-up-instant-payment-notifications.html):
 * an Amazon SNS envelope POSTed as
 * text/plain whose `Message` is itself a JSON string. Nothing here is trusted until
 * verify.ts has checked the signature over the envelope's raw values.
 */

export type SnsMessageType = 'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';

interface SnsEnvelopeBase {
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  /** '1' → RSA-SHA1, '2' → RSA-SHA256; anything else is refused by the verifier. */
  SignatureVersion: string;
  Signature: string;
  /** Normalised: SNS over HTTP sends `SigningCertURL`, the Lambda event shape `SigningCertUrl`. */
  SigningCertURL: string;
}

export interface SnsNotificationEnvelope extends SnsEnvelopeBase {
  Type: 'Notification';
  Subject?: string;
  UnsubscribeURL?: string;
}

export interface SnsConfirmationEnvelope extends SnsEnvelopeBase {
  Type: 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  SubscribeURL: string;
  Token: string;
}

export type SnsEnvelope = SnsNotificationEnvelope | SnsConfirmationEnvelope;

const text = z.string().min(1);

// The keys every envelope carries (https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html).
const baseShape = {
  MessageId: text,
  TopicArn: text,
  Message: text,
  Timestamp: text,
  SignatureVersion: text,
  Signature: text,
  SigningCertURL: text.optional(),
  SigningCertUrl: text.optional(),
};

const confirmationShape = { ...baseShape, SubscribeURL: text, Token: text };

const rawEnvelopeSchema = z.discriminatedUnion('Type', [
  z.object({
    ...baseShape,
    Type: z.literal('Notification'),
    // Lambda events carry `"Subject": null`; AWS signs Subject only when it is present.
    Subject: z.string().nullish(),
    UnsubscribeURL: text.optional(),
  }),
  z.object({ ...confirmationShape, Type: z.literal('SubscriptionConfirmation') }),
  z.object({ ...confirmationShape, Type: z.literal('UnsubscribeConfirmation') }),
]);

export const snsEnvelopeSchema: z.ZodType<SnsEnvelope, unknown> = rawEnvelopeSchema.transform((raw, ctx): SnsEnvelope => {
  const { SigningCertURL: httpStyle, SigningCertUrl: lambdaStyle, ...rest } = raw;
  // Two different cert URLs in one envelope is either a bug or an attempt to make the
  // check and the fetch look at different URLs; refuse rather than pick one.
  if (httpStyle !== undefined && lambdaStyle !== undefined && httpStyle !== lambdaStyle) {
    ctx.addIssue({ code: 'custom', message: 'SigningCertURL and SigningCertUrl differ', path: ['SigningCertURL'] });
    return z.NEVER;
  }
  const url = httpStyle ?? lambdaStyle;
  if (url === undefined) {
    ctx.addIssue({ code: 'custom', message: 'SigningCertURL is required', path: ['SigningCertURL'] });
    return z.NEVER;
  }
  if (rest.Type === 'Notification') {
    const { Subject, ...notification } = rest;
    return { ...notification, SigningCertURL: url, ...(typeof Subject === 'string' ? { Subject } : {}) };
  }
  return { ...rest, SigningCertURL: url };
});

// Open unions: Amazon adds object and notification types.
export type AmazonPayObjectType = 'CHARGE_PERMISSION' | 'CHARGE' | 'REFUND' | 'CHARGEBACK' | (string & {});
export type AmazonPayNotificationType = 'STATE_CHANGE' | 'ATTRIBUTE_CHANGE' | (string & {});

/** The inner message. It carries no state: the receiver GETs the object (set-up-instant-payment-notifications.html). */
export interface AmazonPayNotification {
  MerchantID: string;
  ObjectType: AmazonPayObjectType;
  ObjectId: string;
  ChargePermissionId: string;
  NotificationType: AmazonPayNotificationType;
  /** Amazon may redeliver; de-duplicate on this id. */
  NotificationId: string;
  NotificationVersion: string;
}

const NOTIFICATION_KEYS = [
  'MerchantID',
  'ObjectType',
  'ObjectId',
  'ChargePermissionId',
  'NotificationType',
  'NotificationId',
  'NotificationVersion',
] as const;

/**
 * The V2 message's keys are UpperCamelCase on set-up-instant-payment-notifications.html, and
 * lowerCamelCase (`merchantID`, `objectType`, …) on v1-set-up-instant-payment-notifications.html;
 * both are read. The UpperCamelCase key wins when a message carries both.
 */
function withUpperCamelKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of NOTIFICATION_KEYS) {
    const lower = key.charAt(0).toLowerCase() + key.slice(1);
    const found = Object.hasOwn(source, key) ? source[key] : Object.hasOwn(source, lower) ? source[lower] : undefined;
    if (found !== undefined) out[key] = found;
  }
  return out;
}

// Not strict: unknown keys Amazon adds later are dropped, not refused.
export const amazonPayNotificationSchema: z.ZodType<AmazonPayNotification, unknown> = z.preprocess(
  withUpperCamelKeys,
  z.object({
    MerchantID: text,
    ObjectType: text,
    ObjectId: text,
    ChargePermissionId: text,
    NotificationType: text,
    NotificationId: text,
    NotificationVersion: text,
  }),
);

/** `Message` as SNS delivers it: a JSON string holding an AmazonPayNotification. */
export const amazonPayNotificationJsonSchema: z.ZodType<AmazonPayNotification, unknown> = jsonEncoded(
  amazonPayNotificationSchema,
  'Message is not JSON',
);
