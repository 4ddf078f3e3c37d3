import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { verifySnsEnvelope, type SnsEnvelope } from './ipn';
import { startSandboxServer } from './server';
import { call, completed, control, KEY_ID, KEYS, newSandbox } from '@/test/sandbox-sdk';

interface Captured {
  body: string;
  contentType: string | null;
  messageType: string | null;
}

function receiver(statuses: number[] = []) {
  const received: Captured[] = [];
  const fetchLike = (async (_input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    received.push({
      body: String(init?.body),
      contentType: headers.get('content-type'),
      messageType: headers.get('x-amz-sns-message-type'),
    });
    return new Response(null, { status: statuses.shift() ?? 200 });
  }) as typeof fetch;
  return { received, fetchLike };
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
      const envelope = JSON.parse(bodies[0] ?? '{}') as SnsEnvelope;
      expect(envelope.SigningCertURL).toBe(`${server.url}/__sandbox/sns-cert.pem`);
      const cert = await (await fetch(envelope.SigningCertURL)).text();
      expect(verifySnsEnvelope(envelope, cert)).toBe(true);
    } finally {
      await server.close();
      await new Promise<void>((resolve) => shop.close(() => resolve()));
    }
  });
});
