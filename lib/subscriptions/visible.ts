import 'server-only';
import { getAmazonPay } from '@/lib/amazon-pay/server';
import { getDb } from '@/lib/db';
import { currentOrderViewer } from '@/lib/orders/shopper/visible-order';
import { cancelSubscriptionFor, listSubscriptionsFor, type SubscriptionSummary } from './shopper';

/** This visitor's subscriptions: placed in this browser, or by the signed-in Amazon buyer. */
export async function listVisibleSubscriptions(): Promise<SubscriptionSummary[]> {
  return listSubscriptionsFor(await getDb(), await currentOrderViewer());
}

export async function cancelVisibleSubscription(input: { number: string; reason: string }): Promise<void> {
  await cancelSubscriptionFor(await getDb(), getAmazonPay(), await currentOrderViewer(), input);
}
