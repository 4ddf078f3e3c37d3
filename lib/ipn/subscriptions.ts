import { desc } from 'drizzle-orm';
import {
  confirmSubscription,
  InvalidNotificationError,
  SubscriptionConfirmationError,
  type ConfirmSubscriptionOptions,
  type SubscriptionConfirmation,
} from '@/lib/amazon-pay/ipn';
import type { Database } from '@/lib/db/connection';
import { ipnSubscriptions, type IpnSubscriptionStatus } from '@/lib/db/schema';

export interface SubscriptionPolicy extends ConfirmSubscriptionOptions {
  /** Topics we subscribe to; a confirmation for any other topic is recorded and refused, never fetched. */
  acceptedTopicArns: readonly string[];
}

export type SubscriptionOutcome =
  | { status: 'confirmed'; subscriptionArn: string | null }
  | { status: 'refused'; reason: string }
  | { status: 'failed'; reason: string };

/**
 * A verified SubscriptionConfirmation (https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html):
 * confirm it by fetching SubscribeURL, but only for a topic we accept and only on an
 * allowed SNS host (confirmSubscription's rule), and record what happened so the admin can
 * see whether the endpoint is subscribed. Any AWS account can make SNS send us a signed
 * confirmation, so an unlisted topic is never confirmed, even when notifications from every
 * topic are let through.
 */
export async function handleSubscriptionConfirmation(
  db: Database,
  confirmation: SubscriptionConfirmation,
  policy: SubscriptionPolicy,
): Promise<SubscriptionOutcome> {
  const outcome = await confirmIfAccepted(confirmation, policy);
  const now = new Date();
  const row = {
    status: outcome.status satisfies IpnSubscriptionStatus,
    messageId: confirmation.messageId,
    subscribeHost: hostOf(confirmation.subscribeUrl),
    subscriptionArn: outcome.status === 'confirmed' ? outcome.subscriptionArn : null,
    lastError: outcome.status === 'confirmed' ? null : outcome.reason.slice(0, 500),
    receivedAt: now,
    confirmedAt: outcome.status === 'confirmed' ? now : null,
  };
  await db
    .insert(ipnSubscriptions)
    .values({ topicArn: confirmation.topicArn, ...row })
    .onConflictDoUpdate({ target: ipnSubscriptions.topicArn, set: row });
  return outcome;
}

async function confirmIfAccepted(
  confirmation: SubscriptionConfirmation,
  policy: SubscriptionPolicy,
): Promise<SubscriptionOutcome> {
  if (!policy.acceptedTopicArns.includes(confirmation.topicArn)) {
    return { status: 'refused', reason: 'topic is not in AMAZON_PAY_IPN_TOPIC_ARNS' };
  }
  try {
    const { subscriptionArn } = await confirmSubscription(confirmation, policy);
    return { status: 'confirmed', subscriptionArn };
  } catch (error) {
    if (error instanceof InvalidNotificationError) return { status: 'refused', reason: error.message };
    if (error instanceof SubscriptionConfirmationError) return { status: 'failed', reason: error.message };
    throw error;
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

export type IpnSubscriptionRow = typeof ipnSubscriptions.$inferSelect;

export async function listIpnSubscriptions(db: Database): Promise<IpnSubscriptionRow[]> {
  return db.select().from(ipnSubscriptions).orderBy(desc(ipnSubscriptions.receivedAt)).limit(20);
}
