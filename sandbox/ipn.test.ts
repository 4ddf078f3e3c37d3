import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { TOPIC_ARN, verifySnsEnvelope, type SnsEnvelope, type SnsSubscriptionConfirmation } from './ipn';
import { startSandboxServer } from './server';
import { call, completed, control, KEY_ID, KEYS, newSandbox } from '@/test/sandbox-sdk';

interface Captured {
  body: string;
  contentType: string | null;
  messageType: string | null;
}

/** Records Notifications in `received` (answered with `statuses` in turn) and SubscriptionConfirmations apart. */
function receiver(statuses: number[] = []) {
  const received: Captured[] = [];
  const confirmations: Captured[] = [];
  const fetchLike = (async (_input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const captured = {
      body: String(init?.body),
      contentType: headers.get('content-type'),
      messageType: headers.get('x-amz-sns-message-type'),
    };
    if (captured.messageType === 'SubscriptionConfirmation') {
      confirmations.push(captured);
      return new Response(null, { status: 200 });
    }
    received.push(captured);
    return new Response(null, { status: statuses.shift() ?? 200 });
  }) as typeof fetch;
  return { received, confirmations, fetchLike };
}

async function certificate(sandbox: ReturnType<typeof newSandbox>): Promise<string> {
  return (await sandbox.handle(new Request('http://sandbox.test/__sandbox/sns-cert.pem'))).text();
}

describe('IPN', () => {
  it('posts a signed SNS envelope (text/plain) after each state change of charge permission, charge and refund', async () => {
    const { received, fetchLike } = receiver();
    const sandbox = newSandbox({ ipnUrl: 'https://shop.test/api/ipn', fetch: fetchLike });
    const { chargeId, chargePermissionId } = await completed(sandbox, { paymentIntent: 'AuthorizeWithCapture' });
    const refund = await call(sandbox, 'POST', 'refunds', {
      payload: { chargeId, refundAmount: { amount: '5.00', currencyCode: 'USD' } },
    });
    sandbox.advance(30);
    await sandbox.ipn.flush();

    const messages = received.map((r) => JSON.parse((JSON.parse(r.body) as SnsEnvelope).Message) as Record<string, string>);
    const summary = messages.map((m) => `${m['ObjectType']}:${m['ObjectId']}`);
    // CP Chargeable, charge Authorized, charge Captured, CP Closed (fully captured), refund initiated, refund refunded.
    expect(summary).toEqual([
      `CHARGE_PERMISSION:${chargePermissionId}`,
      `CHARGE:${chargeId}`,
      `CHARGE:${chargeId}`,
      `CHARGE_PERMISSION:${chargePermissionId}`,
      `REFUND:${String(refund.body['refundId'])}`,
      `REFUND:${String(refund.body['refundId'])}`,
    ]);
    for (const m of messages)
      expect(m).toMatchObject({
        MerchantID: 'SANDBOXMERCHANT01',
        ChargePermissionId: chargePermissionId,
        NotificationType: 'STATE_CHANGE',
        NotificationVersion: 'V2',
      });
    expect(received.every((r) => r.contentType?.startsWith('text/plain') && r.messageType === 'Notification')).toBe(true);

    const cert = await certificate(sandbox);
    for (const r of received) {
      const envelope = JSON.parse(r.body) as SnsEnvelope;
      expect(envelope).toMatchObject({
        Type: 'Notification',
        SignatureVersion: '2',
        SigningCertURL: 'http://sandbox.test/__sandbox/sns-cert.pem',
      });
      expect(verifySnsEnvelope(envelope, cert)).toBe(true);
      expect(verifySnsEnvelope({ ...envelope, Message: envelope.Message.replace('STATE_CHANGE', 'X') }, cert)).toBe(false);
    }
    const listed = await control(sandbox, 'GET', 'notifications');
    expect((listed.body['notifications'] as unknown[]).length).toBe(6);
  });

  it('signs with SignatureVersion 1 (SHA1) when configured', async () => {
    const { received, fetchLike } = receiver();
    const sandbox = newSandbox({ ipnUrl: 'https://shop.test/ipn', fetch: fetchLike, ipnSignatureVersion: '1' });
    await completed(sandbox);
    await sandbox.ipn.flush();
    const envelope = JSON.parse(received[0]?.body ?? '{}') as SnsEnvelope;
    expect(envelope.SignatureVersion).toBe('1');
    expect(verifySnsEnvelope(envelope, await certificate(sandbox))).toBe(true);
  });

  it('retries with backoff on non-2xx until delivered', async () => {
    const { received, fetchLike } = receiver([500, 503]);
    const sandbox = newSandbox({ ipnUrl: 'https://shop.test/ipn', fetch: fetchLike, ipnRetryDelaysMs: [1, 2, 4] });
    const { chargePermissionId } = await completed(sandbox, { paymentIntent: 'Confirm' });
    await sandbox.ipn.flush();
    const first = sandbox.notifications()[0];
    expect(first?.message.ObjectId).toBe(chargePermissionId);
    expect(first?.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(first?.delivered).toBe(true);
    expect(received.length).toBe(3);
  });

  it('delivers over HTTP to the configured URL and serves the certificate at SigningCertURL', async () => {
    const bodies: string[] = [];
    const shop = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    const shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}/ipn`;
    const server = await startSandboxServer({
      port: 0,
      ipnUrl: shopUrl,
      keys: [{ publicKeyId: KEY_ID, publicKey: KEYS.publicKey }],
    });
    try {
      server.sandbox.store.emit({ objectType: 'CHARGE', objectId: 'S01-1-C1', chargePermissionId: 'S01-1' });
      await server.sandbox.ipn.flush();
      const envelope = JSON.parse(bodies.find((body) => body.includes('"Type": "Notification"')) ?? '{}') as SnsEnvelope;
      expect(envelope.SigningCertURL).toBe(`${server.url}/__sandbox/sns-cert.pem`);
      const cert = await (await fetch(envelope.SigningCertURL)).text();
      expect(verifySnsEnvelope(envelope, cert)).toBe(true);
    } finally {
      await server.close();
      await new Promise<void>((resolve) => shop.close(() => resolve()));
    }
  });

  // SNS sends a new HTTP(S) endpoint a signed SubscriptionConfirmation; fetching SubscribeURL confirms it
  // (https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html,
  // https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html).
  it('sends a signed SubscriptionConfirmation when an IPN URL is configured, and confirms at SubscribeURL', async () => {
    const { confirmations, fetchLike } = receiver();
    const sandbox = newSandbox({ fetch: fetchLike });
    expect((await control(sandbox, 'POST', 'config', { ipnUrl: 'https://shop.test/api/ipn' })).status).toBe(200);
    await sandbox.ipn.flush();
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]?.contentType).toMatch(/^text\/plain/);
    const envelope = JSON.parse(confirmations[0]?.body ?? '{}') as SnsSubscriptionConfirmation;
    expect(envelope).toMatchObject({ Type: 'SubscriptionConfirmation', TopicArn: TOPIC_ARN, SignatureVersion: '2' });
    expect(verifySnsEnvelope(envelope, await certificate(sandbox))).toBe(true);
    expect(
      verifySnsEnvelope(
        { ...envelope, SubscribeURL: 'https://evil.test/?Action=ConfirmSubscription' },
        await certificate(sandbox),
      ),
    ).toBe(false);
    const subscribe = new URL(envelope.SubscribeURL);
    expect(subscribe.origin + subscribe.pathname).toBe('http://sandbox.test/__sandbox/sns');
    expect(subscribe.searchParams.get('Action')).toBe('ConfirmSubscription');
    expect(subscribe.searchParams.get('Token')).toBe(envelope.Token);

    const wrong = await sandbox.handle(new Request(envelope.SubscribeURL.replace(envelope.Token, 'forged')));
    expect(wrong.status).toBe(400);
    const confirmed = await sandbox.handle(new Request(envelope.SubscribeURL));
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toMatch(new RegExp(`<SubscriptionArn>${TOPIC_ARN}:[0-9a-f-]{36}</SubscriptionArn>`));
    const listed = await control(sandbox, 'GET', 'subscriptions');
    expect(listed.body['subscriptions']).toMatchObject([
      { url: 'https://shop.test/api/ipn', delivered: true, subscriptionArn: expect.stringContaining(TOPIC_ARN) as unknown },
    ]);
  });

  // ObjectType CHARGEBACK and NotificationType ATTRIBUTE_CHANGE
  // (https://developer.amazon.com/docs/amazon-pay-checkout/set-up-instant-payment-notifications.html).
  it('sends CHARGEBACK and ATTRIBUTE_CHANGE notifications on request', async () => {
    const { received, fetchLike } = receiver();
    const sandbox = newSandbox({ ipnUrl: 'https://shop.test/ipn', fetch: fetchLike });
    const { chargeId, chargePermissionId } = await completed(sandbox, { paymentIntent: 'AuthorizeWithCapture' });
    await sandbox.ipn.flush();
    received.length = 0;

    const chargeback = await control(sandbox, 'POST', 'notifications', { objectType: 'CHARGEBACK', chargeId });
    expect(chargeback.status).toBe(201);
    const attribute = await control(sandbox, 'POST', 'notifications', {
      objectType: 'CHARGE_PERMISSION',
      objectId: chargePermissionId,
      notificationType: 'ATTRIBUTE_CHANGE',
    });
    expect(attribute.status).toBe(201);
    await sandbox.ipn.flush();
    const messages = received.map((r) => JSON.parse((JSON.parse(r.body) as SnsEnvelope).Message) as Record<string, string>);
    expect(messages).toMatchObject([
      {
        ObjectType: 'CHARGEBACK',
        ChargePermissionId: chargePermissionId,
        NotificationType: 'STATE_CHANGE',
        NotificationVersion: 'V2',
      },
      { ObjectType: 'CHARGE_PERMISSION', ObjectId: chargePermissionId, NotificationType: 'ATTRIBUTE_CHANGE' },
    ]);
    expect(messages[0]?.['ObjectId']).toMatch(new RegExp(`^${chargePermissionId}-B\\d{6}$`));

    expect(
      (await control(sandbox, 'POST', 'notifications', { objectType: 'CHARGEBACK', chargeId: 'S01-0000000-0000000-C000000' }))
        .status,
    ).toBe(404);
    expect((await control(sandbox, 'POST', 'notifications', { objectType: 'DISPUTE', objectId: 'x' })).status).toBe(400);
  });
});
