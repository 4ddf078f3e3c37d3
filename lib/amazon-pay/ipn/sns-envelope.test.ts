import { describe, expect, it } from 'vitest';
import { amazonPayNotificationJsonSchema, snsEnvelopeSchema } from './sns-envelope';

const notification = {
  Type: 'Notification',
  MessageId: 'm-1',
  TopicArn: 'arn:aws:sns:us-east-1:000000000000:AmazonPaySandboxIpn',
  Message: '{}',
  Timestamp: '2026-01-15T12:00:00.000Z',
  SignatureVersion: '2',
  Signature: 'c2ln',
  SigningCertURL: 'https://sns.us-east-1.amazonaws.com/cert.pem',
};

const amazonMessage = {
  MerchantID: 'A3URCZVLDMDI45',
  ObjectType: 'CHARGE',
  ObjectId: 'S01-5105180-3221187-C056351',
  ChargePermissionId: 'S01-5105180-3221187',
  NotificationType: 'STATE_CHANGE',
  NotificationId: '3b7e9f5a-0b9c-4f0e-9d76-0b5f2f6e1a11',
  NotificationVersion: 'V2',
};

describe('snsEnvelopeSchema', () => {
  it('normalises the Lambda spelling SigningCertUrl to SigningCertURL', () => {
    const { SigningCertURL, ...rest } = notification;
    expect(snsEnvelopeSchema.parse({ ...rest, SigningCertUrl: SigningCertURL })).toEqual(notification);
  });

  it('accepts both spellings when they agree', () => {
    expect(snsEnvelopeSchema.parse({ ...notification, SigningCertUrl: notification.SigningCertURL })).toEqual(notification);
  });

  it('treats a Lambda-style null Subject as absent and keeps a real one', () => {
    expect(snsEnvelopeSchema.parse({ ...notification, Subject: null })).not.toHaveProperty('Subject');
    expect(snsEnvelopeSchema.parse({ ...notification, Subject: 'IPN' })).toMatchObject({ Subject: 'IPN' });
  });

  it('requires SubscribeURL and Token on confirmations only', () => {
    expect(snsEnvelopeSchema.safeParse({ ...notification, Type: 'SubscriptionConfirmation' }).success).toBe(false);
    expect(
      snsEnvelopeSchema.safeParse({ ...notification, Type: 'UnsubscribeConfirmation', SubscribeURL: 'https://x', Token: 't' })
        .success,
    ).toBe(true);
  });

  it('refuses empty required values and unknown types', () => {
    expect(snsEnvelopeSchema.safeParse({ ...notification, Signature: '' }).success).toBe(false);
    expect(snsEnvelopeSchema.safeParse({ ...notification, Type: 'notification' }).success).toBe(false);
  });
});

describe('amazonPayNotificationJsonSchema', () => {
  it('parses the JSON string and keeps object types Amazon adds later', () => {
    expect(amazonPayNotificationJsonSchema.parse(JSON.stringify(amazonMessage))).toEqual(amazonMessage);
    expect(amazonPayNotificationJsonSchema.parse(JSON.stringify({ ...amazonMessage, ObjectType: 'DISPUTE' })).ObjectType).toBe(
      'DISPUTE',
    );
  });

  it('drops unknown keys instead of refusing them', () => {
    expect(amazonPayNotificationJsonSchema.parse(JSON.stringify({ ...amazonMessage, Extra: 1 }))).toEqual(amazonMessage);
  });

  it('refuses text that is not JSON and messages missing a key', () => {
    expect(amazonPayNotificationJsonSchema.safeParse('STATE_CHANGE').success).toBe(false);
    const { NotificationId: _id, ...withoutId } = amazonMessage;
    expect(amazonPayNotificationJsonSchema.safeParse(JSON.stringify(withoutId)).success).toBe(false);
  });

  // The V2 schema is UpperCamelCase on https://developer.amazon.com/docs/amazon-pay-checkout/set-up-instant-payment-notifications.html
  // and lowerCamelCase on https://developer.amazon.com/docs/amazon-pay-checkout/v1-set-up-instant-payment-notifications.html.
  it('reads the lowerCamelCase keys of the V2 message as well', () => {
    const lowerCamel = Object.fromEntries(
      Object.entries(amazonMessage).map(([key, value]) => [key.charAt(0).toLowerCase() + key.slice(1), value]),
    );
    expect(Object.keys(lowerCamel)).toContain('merchantID');
    expect(amazonPayNotificationJsonSchema.parse(JSON.stringify(lowerCamel))).toEqual(amazonMessage);
    // Mixed: the UpperCamelCase key wins.
    expect(amazonPayNotificationJsonSchema.parse(JSON.stringify({ ...lowerCamel, ObjectId: 'upper' })).ObjectId).toBe('upper');
    const { notificationId: _id, ...withoutId } = lowerCamel;
    expect(amazonPayNotificationJsonSchema.safeParse(JSON.stringify(withoutId)).success).toBe(false);
  });
});
