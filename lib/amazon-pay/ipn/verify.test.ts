import { describe, expect, it } from 'vitest';
import { AMAZON_SNS_HOST } from './cert-url';
import { InvalidNotificationError, type InvalidNotificationReason } from './errors';
import { createSnsVerifier } from './verify';
import {
  deferred,
  ipnHarness,
  SANDBOX_CERT_URL,
  signLikeSns,
  strangerPrivateKey,
  subscriptionConfirmationFields,
  TOPIC_ARN,
} from '@/test/sns-messages';

async function refusal(promise: Promise<unknown>): Promise<InvalidNotificationError> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof InvalidNotificationError)) throw new Error(`expected InvalidNotificationError, got ${String(error)}`);
  return error;
}

async function expectReason(promise: Promise<unknown>, reason: InvalidNotificationReason): Promise<InvalidNotificationError> {
  const error = await refusal(promise);
  expect(error.reason).toBe(reason);
  return error;
}

function edit(rawBody: string, change: (envelope: Record<string, unknown>) => void): string {
  const envelope = JSON.parse(rawBody) as Record<string, unknown>;
  change(envelope);
  return JSON.stringify(envelope);
}

describe('createSnsVerifier with IPNs from the sandbox', () => {
  it.each(['2', '1'] as const)('accepts SignatureVersion %s and returns the Amazon Pay message', async (version) => {
    const harness = ipnHarness();
    const body = await harness.nextIpn(version);
    const sent = harness.sandbox.notifications().at(-1);
    const verified = await createSnsVerifier(harness.verifierOptions({ fetch: harness.certFetch })).verify(body);

    expect(JSON.parse(body)).toMatchObject({ SignatureVersion: version });
    expect(verified).toEqual({
      kind: 'notification',
      message: sent?.message,
      messageId: sent?.envelope.MessageId,
      timestamp: sent?.envelope.Timestamp,
      topicArn: TOPIC_ARN,
    });
    expect(harness.certRequests).toEqual([SANDBOX_CERT_URL]);
  });

  it('refuses a tampered Message', async () => {
    const harness = ipnHarness();
    const body = edit(await harness.nextIpn(), (envelope) => {
      envelope['Message'] = String(envelope['Message']).replace('-C01', '-C99');
    });
    await expectReason(createSnsVerifier(harness.verifierOptions({ fetch: harness.certFetch })).verify(body), 'bad-signature');
  });

  it('refuses a tampered signed key (MessageId, Timestamp)', async () => {
    const harness = ipnHarness();
    const verifier = createSnsVerifier(harness.verifierOptions({ fetch: harness.certFetch }));
    const body = await harness.nextIpn();
    await expectReason(verifier.verify(edit(body, (e) => void (e['MessageId'] = 'replayed'))), 'bad-signature');
    await expectReason(verifier.verify(edit(body, (e) => void (e['Timestamp'] = '2030-01-01T00:00:00.000Z'))), 'bad-signature');
  });

  it('refuses a signature made with another key, and one that is not a signature', async () => {
    const harness = ipnHarness();
    const verifier = createSnsVerifier(harness.verifierOptions({ fetch: harness.certFetch }));
    const body = await harness.nextIpn();
    const envelope = JSON.parse(body) as Record<string, string> & { Type: 'Notification' };
    const forged = signLikeSns({ ...envelope, Type: 'Notification' }, { privateKeyPem: strangerPrivateKey() });
    await expectReason(
      verifier.verify(JSON.stringify({ ...forged, UnsubscribeURL: envelope['UnsubscribeURL'] })),
      'bad-signature',
    );
    await expectReason(verifier.verify(edit(body, (e) => void (e['Signature'] = 'bm90IGEgc2lnbmF0dXJl'))), 'bad-signature');
  });

  it('refuses a v2 signature presented as v1', async () => {
    const harness = ipnHarness();
    const body = edit(await harness.nextIpn('2'), (e) => void (e['SignatureVersion'] = '1'));
    await expectReason(createSnsVerifier(harness.verifierOptions({ fetch: harness.certFetch })).verify(body), 'bad-signature');
  });

  it.each(['3', 'toString', '__proto__'])('refuses SignatureVersion %s', async (version) => {
    const harness = ipnHarness();
    const body = edit(await harness.nextIpn(), (e) => void (e['SignatureVersion'] = version));
    await expectReason(
      createSnsVerifier(harness.verifierOptions({ fetch: harness.certFetch })).verify(body),
      'unsupported-signature-version',
    );
  });

  describe('SigningCertURL', () => {
    it('refuses http unless allowInsecureCertUrl, without fetching', async () => {
      const harness = ipnHarness();
      const body = await harness.nextIpn();
      const strict = createSnsVerifier(harness.verifierOptions({ fetch: harness.certFetch, allowInsecureCertUrl: false }));
      const error = await expectReason(strict.verify(body), 'bad-cert-url');
      expect(error.message).toContain('https');
      expect(harness.certRequests).toEqual([]);
    });

    it.each([
      ['another host', 'http://evil.test/__sandbox/sns-cert.pem'],
      ['the right host on another port', 'http://127.0.0.1:4011/__sandbox/sns-cert.pem'],
      ['userinfo that looks like the host', 'http://127.0.0.1:4010@evil.test/__sandbox/sns-cert.pem'],
      ['a path not ending in .pem', 'http://127.0.0.1:4010/__sandbox/sns-cert.txt'],
      ['.pem only in the query', 'http://127.0.0.1:4010/__sandbox/state?file=.pem'],
      ['not a URL', 'sns-cert.pem'],
      ['a file URL', 'file:///etc/ssl/cert.pem'],
    ])('refuses %s without fetching', async (_case, certUrl) => {
      const harness = ipnHarness();
      const body = edit(await harness.nextIpn(), (e) => void (e['SigningCertURL'] = certUrl));
      await expectReason(createSnsVerifier(harness.verifierOptions({ fetch: harness.certFetch })).verify(body), 'bad-cert-url');
      expect(harness.certRequests).toEqual([]);
    });

    it('refuses the sandbox under the production host rule', async () => {
      const harness = ipnHarness();
      const production = createSnsVerifier({
        allowedCertHosts: AMAZON_SNS_HOST,
        expectedTopicArns: [TOPIC_ARN],
        fetch: harness.certFetch,
      });
      await expectReason(production.verify(await harness.nextIpn()), 'bad-cert-url');
    });

    it('accepts the Lambda spelling SigningCertUrl (the key is not signed)', async () => {
      const harness = ipnHarness();
      const body = edit(await harness.nextIpn(), (e) => {
        e['SigningCertUrl'] = e['SigningCertURL'];
        delete e['SigningCertURL'];
      });
      const verified = await createSnsVerifier(harness.verifierOptions({ fetch: harness.certFetch })).verify(body);
      expect(verified.kind).toBe('notification');
    });

    it('refuses two spellings that disagree', async () => {
      const harness = ipnHarness();
      const body = edit(await harness.nextIpn(), (e) => void (e['SigningCertUrl'] = 'https://sns.us-east-1.amazonaws.com/x.pem'));
      await expectReason(createSnsVerifier(harness.verifierOptions({ fetch: harness.certFetch })).verify(body), 'malformed');
    });
  });

  it('refuses an unexpected TopicArn before fetching the certificate', async () => {
    const harness = ipnHarness();
    const verifier = createSnsVerifier(
      harness.verifierOptions({
        fetch: harness.certFetch,
        expectedTopicArns: ['arn:aws:sns:eu-west-1:291180941288:A2ZV50J4W1RKNI'],
      }),
    );
    await expectReason(verifier.verify(await harness.nextIpn()), 'unexpected-topic');
    expect(harness.certRequests).toEqual([]);
  });

  it.each([
    ['not JSON', 'Type=Notification&Message=x'],
    ['empty', ''],
    ['JSON null', 'null'],
    ['a JSON array', '[]'],
    ['an unknown Type', '{"Type":"Surprise"}'],
  ])('refuses a body that is %s as malformed', async (_case, body) => {
    const harness = ipnHarness();
    await expectReason(createSnsVerifier(harness.verifierOptions({ fetch: harness.certFetch })).verify(body), 'malformed');
  });

  it.each(['Type', 'MessageId', 'TopicArn', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL'])(
    'refuses a Notification without %s, naming the key but quoting no value',
    async (key) => {
      const harness = ipnHarness();
      const body = await harness.nextIpn();
      const message = String((JSON.parse(body) as Record<string, unknown>)['Message']);
      const error = await expectReason(
        createSnsVerifier(harness.verifierOptions({ fetch: harness.certFetch })).verify(edit(body, (e) => delete e[key])),
        'malformed',
      );
      expect(error.message).toContain(key);
      expect(error.message).not.toContain(message);
      expect(error.message).not.toContain('S01-');
      expect(harness.certRequests).toEqual([]);
    },
  );

  it('refuses a signed Notification whose Message is not an Amazon Pay notification', async () => {
    const harness = ipnHarness();
    const envelope = signLikeSns({
      Type: 'Notification',
      MessageId: 'm-1',
      TopicArn: TOPIC_ARN,
      Message: '{"ObjectType":"CHARGE"}',
      Timestamp: '2026-01-15T12:00:00.000Z',
    });
    const error = await expectReason(
      createSnsVerifier(harness.verifierOptions({ fetch: harness.certFetch })).verify(JSON.stringify(envelope)),
      'malformed',
    );
    expect(error.message).toContain('ObjectId');
  });

  it('includes Subject in the signed string when present', async () => {
    const harness = ipnHarness();
    const verifier = createSnsVerifier(harness.verifierOptions({ fetch: harness.certFetch }));
    const message = {
      MerchantID: 'M1',
      ObjectType: 'CHARGEBACK',
      ObjectId: 'S01-1-C1',
      ChargePermissionId: 'S01-1',
      NotificationType: 'STATE_CHANGE',
      NotificationId: 'n-1',
      NotificationVersion: 'V2',
    };
    const envelope = signLikeSns({
      Type: 'Notification',
      MessageId: 'm-2',
      TopicArn: TOPIC_ARN,
      Subject: 'Amazon Pay',
      Message: JSON.stringify(message),
      Timestamp: '2026-01-15T12:00:00.000Z',
    });
    await expect(verifier.verify(JSON.stringify(envelope))).resolves.toMatchObject({ kind: 'notification', message });
    const { Subject: _subject, ...withoutSubject } = envelope;
    await expectReason(verifier.verify(JSON.stringify(withoutSubject)), 'bad-signature');
  });

  describe('confirmations', () => {
    it.each(['2', '1'] as const)(
      'verifies a SubscriptionConfirmation (v%s) and returns SubscribeURL and Token',
      async (version) => {
        const harness = ipnHarness();
        const fields = subscriptionConfirmationFields();
        const body = JSON.stringify(signLikeSns(fields, { version }));
        await expect(createSnsVerifier(harness.verifierOptions({ fetch: harness.certFetch })).verify(body)).resolves.toEqual({
          kind: 'subscription-confirmation',
          subscribeUrl: fields.SubscribeURL,
          token: fields.Token,
          topicArn: TOPIC_ARN,
          messageId: fields.MessageId,
        });
      },
    );

    it('refuses a SubscriptionConfirmation whose SubscribeURL was swapped', async () => {
      const harness = ipnHarness();
      const body = edit(
        JSON.stringify(signLikeSns(subscriptionConfirmationFields())),
        (e) => void (e['SubscribeURL'] = 'https://evil.test/?Action=ConfirmSubscription'),
      );
      await expectReason(createSnsVerifier(harness.verifierOptions({ fetch: harness.certFetch })).verify(body), 'bad-signature');
    });

    it('refuses a SubscriptionConfirmation without Token', async () => {
      const harness = ipnHarness();
      const body = edit(JSON.stringify(signLikeSns(subscriptionConfirmationFields())), (e) => delete e['Token']);
      const error = await expectReason(
        createSnsVerifier(harness.verifierOptions({ fetch: harness.certFetch })).verify(body),
        'malformed',
      );
      expect(error.message).toContain('Token');
    });

    it('verifies an UnsubscribeConfirmation', async () => {
      const harness = ipnHarness();
      const body = JSON.stringify(signLikeSns({ ...subscriptionConfirmationFields(), Type: 'UnsubscribeConfirmation' }));
      await expect(createSnsVerifier(harness.verifierOptions({ fetch: harness.certFetch })).verify(body)).resolves.toEqual({
        kind: 'unsubscribe-confirmation',
        topicArn: TOPIC_ARN,
        messageId: subscriptionConfirmationFields().MessageId,
      });
    });
  });

  describe('certificate cache', () => {
    it('fetches the certificate once for two notifications', async () => {
      const harness = ipnHarness();
      const verifier = createSnsVerifier(harness.verifierOptions({ fetch: harness.certFetch }));
      await verifier.verify(await harness.nextIpn());
      await verifier.verify(await harness.nextIpn('1'));
      expect(harness.certRequests).toEqual([SANDBOX_CERT_URL]);
    });

    it('shares one in-flight fetch between concurrent verifications', async () => {
      const harness = ipnHarness();
      const gate = deferred();
      const verifier = createSnsVerifier(
        harness.verifierOptions({
          fetch: async (input, init) => {
            await gate.promise;
            return harness.certFetch(input, init);
          },
        }),
      );
      const bodies = [await harness.nextIpn(), await harness.nextIpn(), await harness.nextIpn('1')];
      const pending = Promise.all(bodies.map((body) => verifier.verify(body)));
      gate.resolve();
      const verified = await pending;
      expect(verified.map((v) => v.kind)).toEqual(['notification', 'notification', 'notification']);
      expect(harness.certRequests).toEqual([SANDBOX_CERT_URL]);
    });

    it('fetches again once the TTL has passed', async () => {
      const harness = ipnHarness();
      let now = 0;
      const verifier = createSnsVerifier(
        harness.verifierOptions({ fetch: harness.certFetch, certCacheTtlMs: 1_000, now: () => now }),
      );
      await verifier.verify(await harness.nextIpn());
      now = 999;
      await verifier.verify(await harness.nextIpn());
      expect(harness.certRequests).toHaveLength(1);
      now = 1_000;
      await verifier.verify(await harness.nextIpn());
      expect(harness.certRequests).toHaveLength(2);
    });

    it('reports a failed fetch as cert-unavailable (retryable) and does not cache the failure', async () => {
      const harness = ipnHarness();
      let failures = 1;
      const verifier = createSnsVerifier(
        harness.verifierOptions({
          fetch: async (input, init) => {
            if (failures-- > 0) throw new TypeError('fetch failed');
            return harness.certFetch(input, init);
          },
        }),
      );
      const body = await harness.nextIpn();
      const error = await expectReason(verifier.verify(body), 'cert-unavailable');
      expect(error.retryable).toBe(true);
      await expect(verifier.verify(body)).resolves.toMatchObject({ kind: 'notification' });
    });

    it.each([
      ['a 404', () => new Response('not found', { status: 404 })],
      ['a body that is not a certificate', () => new Response('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')],
    ])('reports %s as cert-unavailable', async (_case, answer) => {
      const harness = ipnHarness();
      const verifier = createSnsVerifier(harness.verifierOptions({ fetch: async () => answer() }));
      await expectReason(verifier.verify(await harness.nextIpn()), 'cert-unavailable');
    });
  });
});
