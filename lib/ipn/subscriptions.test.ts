import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSnsVerifier, type SubscriptionConfirmation } from '@/lib/amazon-pay/ipn';
import { AMAZON_SNS_HOST } from '@/lib/amazon-pay/ipn/cert-url';
import type { DatabaseHandle } from '@/lib/db/connection';
import { createSandbox, TOPIC_ARN } from '@/sandbox';
import { testDatabaseTargets } from '@/test/databases';
import { handleSubscriptionConfirmation, listIpnSubscriptions } from './subscriptions';

const SANDBOX = 'http://127.0.0.1:4010';

/** The emulator's SubscriptionConfirmation for a newly configured IPN URL, verified as the route verifies it. */
async function confirmationFromSandbox() {
  const posted: string[] = [];
  const sandbox = createSandbox({
    frozenClock: true,
    publicBaseUrl: SANDBOX,
    ipnRetryDelaysMs: [],
    fetch: async (_input, init) => {
      posted.push(String(init?.body));
      return new Response(null, { status: 200 });
    },
  });
  sandbox.setIpnUrl('https://shop.test/api/amazon-pay/ipn');
  await sandbox.ipn.flush();
  const policy = { allowedCertHosts: ['127.0.0.1:4010'], allowInsecureCertUrl: true };
  const verified = await createSnsVerifier({ ...policy, fetch: sandbox.fetch }).verify(posted[0] ?? '');
  if (verified.kind !== 'subscription-confirmation') throw new Error(`expected a confirmation, got ${verified.kind}`);
  const calls: string[] = [];
  const fetchLike = async (url: string, init?: RequestInit) => {
    calls.push(url);
    return sandbox.fetch(url, init);
  };
  return { sandbox, verified, policy: { ...policy, fetch: fetchLike }, calls };
}

// Confirm by fetching SubscribeURL (https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html), only on an
// allowed SNS host (https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html) and an accepted topic.
describe.each(testDatabaseTargets)('IPN subscriptions on $name', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle.close());

  it('confirms an accepted topic at the emulator and records the subscription', async () => {
    const { sandbox, verified, policy, calls } = await confirmationFromSandbox();
    const outcome = await handleSubscriptionConfirmation(handle.db, verified, { ...policy, acceptedTopicArns: [TOPIC_ARN] });
    expect(outcome).toMatchObject({ status: 'confirmed', subscriptionArn: expect.stringContaining(`${TOPIC_ARN}:`) as unknown });
    expect(calls).toEqual([verified.subscribeUrl]);
    expect(sandbox.ipn.subscriptions[0]?.confirmedAt).not.toBeNull();
    const [row] = await listIpnSubscriptions(handle.db);
    expect(row).toMatchObject({
      topicArn: TOPIC_ARN,
      status: 'confirmed',
      subscribeHost: '127.0.0.1:4010',
      subscriptionArn: sandbox.ipn.subscriptions[0]?.subscriptionArn,
      lastError: null,
    });
    expect(row?.confirmedAt).toBeInstanceOf(Date);
  });

  it('refuses, without any request, a topic we do not accept or a SubscribeURL off the allowed hosts', async () => {
    const { sandbox, verified, policy, calls } = await confirmationFromSandbox();
    const foreign: SubscriptionConfirmation = { ...verified, topicArn: 'arn:aws:sns:us-east-1:111111111111:Other' };
    expect(await handleSubscriptionConfirmation(handle.db, foreign, { ...policy, acceptedTopicArns: [TOPIC_ARN] })).toMatchObject(
      {
        status: 'refused',
      },
    );
    const production = { ...policy, allowedCertHosts: AMAZON_SNS_HOST, allowInsecureCertUrl: false };
    expect(
      await handleSubscriptionConfirmation(handle.db, verified, { ...production, acceptedTopicArns: [TOPIC_ARN] }),
    ).toMatchObject({
      status: 'refused',
    });
    expect(calls).toEqual([]);
    expect(sandbox.ipn.subscriptions[0]?.confirmedAt).toBeNull();
    const rows = await listIpnSubscriptions(handle.db);
    expect(rows.find((row) => row.topicArn === foreign.topicArn)).toMatchObject({
      status: 'refused',
      lastError: 'topic is not in AMAZON_PAY_IPN_TOPIC_ARNS',
    });
    expect(rows.find((row) => row.topicArn === TOPIC_ARN)).toMatchObject({ status: 'refused', subscriptionArn: null });
  });

  it('records a failure when SNS does not accept the confirmation, so SNS is asked to retry', async () => {
    const { verified, policy } = await confirmationFromSandbox();
    const unreachable = { ...policy, fetch: async () => new Response('<Error/>', { status: 500 }) };
    const outcome = await handleSubscriptionConfirmation(handle.db, verified, { ...unreachable, acceptedTopicArns: [TOPIC_ARN] });
    expect(outcome).toMatchObject({ status: 'failed' });
    const rows = await listIpnSubscriptions(handle.db);
    expect(rows.find((row) => row.topicArn === TOPIC_ARN)).toMatchObject({ status: 'failed', confirmedAt: null });
  });
});
