import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db';
import { enqueueIpnProcessing } from '@/lib/jobs';
import { inRequestScope } from '@/lib/request-log';
import { recordNotification } from '@/lib/orders/payments/ipn-inbox';
import { getIpnVerifier, InvalidNotificationError, ipnSubscriptionPolicy } from '@/lib/amazon-pay/server';
import { handleSubscriptionConfirmation } from '@/lib/ipn/subscriptions';
import { errorFields, log } from '@/lib/log';
import { answeringErrors } from '@/lib/route-errors';
import { readBodyText } from '@/lib/request-body';

const text = (status: number, body: string) => new NextResponse(body, { status, headers: { 'content-type': 'text/plain' } });

/**
 * Amazon Pay IPN (https://developer.amazon.com/docs/amazon-pay-checkout/set-up-instant-payment-notifications.html).
 * The SNS signature over the raw body is the whole authorization and the whole input
 * validation: nothing is parsed or trusted before it verifies. Each notification is
 * recorded by NotificationId and queued before we answer, and only makes the worker
 * re-read the object from Amazon, so order and repeats do not matter.
 */
export const POST = answeringErrors('ipn', (request: Request): Promise<Response> =>
  inRequestScope(request, () => receive(request)),
);

async function receive(request: Request): Promise<NextResponse> {
  // An SNS message is at most 256 KB, so a larger body is no notification.
  const rawBody = await readBodyText(request);
  let verified;
  try {
    verified = await getIpnVerifier().verify(rawBody);
  } catch (error) {
    if (error instanceof InvalidNotificationError) {
      log.warn({ context: 'ipn', reason: error.reason }, 'IPN refused');
      return text(error.retryable ? 503 : 400, 'invalid notification');
    }
    throw error;
  }

  if (verified.kind === 'subscription-confirmation') {
    const outcome = await handleSubscriptionConfirmation(await getDb(), verified, ipnSubscriptionPolicy());
    if (outcome.status === 'confirmed') {
      log.info({ context: 'ipn', topicArn: verified.topicArn }, 'IPN subscription confirmed');
      return text(200, 'subscribed');
    }
    log.warn({ context: 'ipn', topicArn: verified.topicArn, reason: outcome.reason }, `IPN subscription ${outcome.status}`);
    // Failed: SNS was unreachable, so a 5xx makes it send the confirmation again. Refused: never ours.
    return outcome.status === 'failed' ? text(503, 'retry later') : text(400, 'subscription refused');
  }
  if (verified.kind === 'unsubscribe-confirmation') return text(200, 'ok');

  const notificationId = verified.message.NotificationId;
  const fresh = await recordNotification(await getDb(), verified.messageId, verified.message);
  if (!fresh) return text(200, 'duplicate');
  try {
    // The worker re-reads Amazon's state; one job per NotificationId runs at a time.
    await enqueueIpnProcessing(notificationId);
  } catch (error) {
    // Recorded, so the resync sweep finishes it; a 5xx also makes SNS retry.
    log.error({ context: 'ipn', notificationId, ...errorFields(error) }, 'IPN could not be queued');
    return text(503, 'retry later');
  }
  return text(200, 'ok');
}
