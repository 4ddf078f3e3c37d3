import { describe, expect, it } from 'vitest';
import type { FetchLike } from './cert-cache';
import { AMAZON_SNS_HOST } from './cert-url';
import { confirmSubscription } from './confirm-subscription';
import { InvalidNotificationError, SubscriptionConfirmationError } from './errors';
import type { SubscriptionConfirmation } from './verify';

const TOPIC = 'arn:aws:sns:us-east-1:291180941288:A2ZV50J4W1RKNI';
const SUBSCRIBE_URL = `https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(TOPIC)}&Token=2336412f37fb687f5d51e6e2`;
const ANSWER = `<ConfirmSubscriptionResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
  <ConfirmSubscriptionResult><SubscriptionArn>${TOPIC}:8a21d249-4329-4871-acc6-7be709c6ea7f</SubscriptionArn></ConfirmSubscriptionResult>
  <ResponseMetadata><RequestId>075ecce8-8dac-11e1-bf80-f781d96e6d2d</RequestId></ResponseMetadata>
</ConfirmSubscriptionResponse>`;

function confirmation(subscribeUrl = SUBSCRIBE_URL): SubscriptionConfirmation {
  return {
    kind: 'subscription-confirmation',
    subscribeUrl,
    token: '2336412f37fb687f5d51e6e2',
    topicArn: TOPIC,
    messageId: 'm-1',
  };
}

function recorder(answer: () => Promise<Response> | Response) {
  const calls: Array<{ url: string; method: string | undefined }> = [];
  const fetchLike: FetchLike = async (url, init) => {
    calls.push({ url, method: init?.method });
    return answer();
  };
  return { calls, fetchLike };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe('confirmSubscription', () => {
  it('GETs SubscribeURL and returns the SubscriptionArn', async () => {
    const { calls, fetchLike } = recorder(() => new Response(ANSWER, { status: 200 }));
    await expect(confirmSubscription(confirmation(), { allowedCertHosts: AMAZON_SNS_HOST, fetch: fetchLike })).resolves.toEqual({
      subscriptionArn: `${TOPIC}:8a21d249-4329-4871-acc6-7be709c6ea7f`,
    });
    expect(calls).toEqual([{ url: SUBSCRIBE_URL, method: 'GET' }]);
  });

  it.each([
    ['a host outside the rule', 'https://evil.test/?Action=ConfirmSubscription&Token=x'],
    ['http', SUBSCRIBE_URL.replace('https:', 'http:')],
    ['userinfo', 'https://sns.us-east-1.amazonaws.com@evil.test/?Action=ConfirmSubscription'],
    ['another SNS action', 'https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=x'],
    ['not a URL', 'sns.us-east-1.amazonaws.com'],
  ])('refuses %s without calling it', async (_case, url) => {
    const { calls, fetchLike } = recorder(() => new Response(ANSWER));
    const error = await caught(confirmSubscription(confirmation(url), { allowedCertHosts: AMAZON_SNS_HOST, fetch: fetchLike }));
    expect(error).toBeInstanceOf(InvalidNotificationError);
    expect((error as InvalidNotificationError).reason).toBe('bad-subscribe-url');
    expect(calls).toEqual([]);
  });

  it('follows the same offline rule as the certificate', async () => {
    const { calls, fetchLike } = recorder(() => new Response('<SubscriptionArn>arn:x</SubscriptionArn>'));
    const url = 'http://127.0.0.1:4010/__sandbox/subscribe?Action=ConfirmSubscription&Token=t';
    await expect(
      confirmSubscription(confirmation(url), {
        allowedCertHosts: ['127.0.0.1:4010'],
        allowInsecureCertUrl: true,
        fetch: fetchLike,
      }),
    ).resolves.toEqual({ subscriptionArn: 'arn:x' });
    expect(calls).toHaveLength(1);
  });

  it('throws SubscriptionConfirmationError when SNS refuses, so the route can ask for a retry', async () => {
    const { fetchLike } = recorder(() => new Response('<Error><Code>InvalidParameter</Code></Error>', { status: 400 }));
    const error = await caught(confirmSubscription(confirmation(), { allowedCertHosts: AMAZON_SNS_HOST, fetch: fetchLike }));
    expect(error).toBeInstanceOf(SubscriptionConfirmationError);
    expect((error as SubscriptionConfirmationError).status).toBe(400);
  });

  it('throws SubscriptionConfirmationError when SNS cannot be reached', async () => {
    const { fetchLike } = recorder(() => Promise.reject(new TypeError('fetch failed')));
    const error = await caught(confirmSubscription(confirmation(), { allowedCertHosts: AMAZON_SNS_HOST, fetch: fetchLike }));
    expect(error).toBeInstanceOf(SubscriptionConfirmationError);
    expect((error as SubscriptionConfirmationError).status).toBeNull();
  });

  it('returns a null ARN when the answer carries none', async () => {
    const { fetchLike } = recorder(() => new Response('ok'));
    await expect(confirmSubscription(confirmation(), { allowedCertHosts: AMAZON_SNS_HOST, fetch: fetchLike })).resolves.toEqual({
      subscriptionArn: null,
    });
  });
});
