import { beforeEach, describe, expect, it, vi } from 'vitest';

// Nothing may reach the database or Amazon for a message that fails verification.
const touched = vi.hoisted(() => ({ db: 0, amazon: 0 }));
vi.mock('@/lib/db', () => ({
  getDb: async () => {
    touched.db += 1;
    throw new Error('the database must not be touched');
  },
}));
vi.mock('@/lib/amazon-pay/server', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  getAmazonPay: () => {
    touched.amazon += 1;
    throw new Error('Amazon must not be called');
  },
}));

const { POST } = await import('./route');

function post(body: string) {
  return POST(
    new Request('http://localhost/api/amazon-pay/ipn', { method: 'POST', body, headers: { 'content-type': 'text/plain' } }),
  );
}

const envelope = {
  Type: 'Notification',
  MessageId: 'b1f0c0de-0000-4000-8000-000000000001',
  TopicArn: 'arn:aws:sns:us-east-1:000000000000:AmazonPaySandboxIpn',
  Message: JSON.stringify({
    MerchantID: 'M',
    ObjectType: 'CHARGE',
    ObjectId: 'S01-0000000-0000000-C000000',
    ChargePermissionId: 'S01-0000000-0000000',
    NotificationType: 'STATE_CHANGE',
    NotificationId: 'n-1',
    NotificationVersion: 'V2',
  }),
  Timestamp: '2026-11-25T12:00:00.000Z',
  SignatureVersion: '2',
  Signature: Buffer.from('forged').toString('base64'),
};

describe('POST /api/amazon-pay/ipn', () => {
  beforeEach(() => {
    touched.db = 0;
    touched.amazon = 0;
  });

  it('answers 413 to a body over 1 MiB without verifying or storing anything', async () => {
    const response = await post(JSON.stringify({ ...envelope, Message: 'x'.repeat(1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(touched).toEqual({ db: 0, amazon: 0 });
  });

  it.each([
    ['a body that is not JSON', 'hello'],
    ['an envelope without its required keys', JSON.stringify({ Type: 'Notification' })],
    [
      'a certificate from a host we do not trust',
      JSON.stringify({ ...envelope, SigningCertURL: 'https://evil.example/cert.pem' }),
    ],
    ['a certificate that is not a .pem file', JSON.stringify({ ...envelope, SigningCertURL: 'http://127.0.0.1:4010/cert.txt' })],
    [
      'an unexpected topic',
      JSON.stringify({ ...envelope, TopicArn: 'arn:aws:sns:us-east-1:1:Other', SigningCertURL: 'http://127.0.0.1:4010/c.pem' }),
    ],
  ])('answers 400 to %s and changes nothing', async (_case, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(touched).toEqual({ db: 0, amazon: 0 });
  });
});
