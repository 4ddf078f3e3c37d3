import type { FetchLike } from './cert-cache';
import { checkSnsUrl, type SnsUrlPolicy } from './cert-url';
import { InvalidNotificationError, SubscriptionConfirmationError } from './errors';
import type { SubscriptionConfirmation } from './verify';

export interface ConfirmSubscriptionOptions extends SnsUrlPolicy {
  fetch?: FetchLike;
  /** Default 5 s, for the same reason as the certificate fetch. */
  timeoutMs?: number;
}

export interface ConfirmedSubscription {
  /** From SNS's XML answer; null when the answer did not carry one. */
  subscriptionArn: string | null;
}

/**
 * Confirms a verified SubscriptionConfirmation by GET on its SubscribeURL. The URL
 * must pass the same host and scheme rule as SigningCertURL: the
 * message is signed, but a GET to an arbitrary host from our server is still a
 * request forgery waiting to happen. Taking the verifier's result type, not a raw
 * envelope, means an unverified message cannot reach this call.
 *
 * Throws InvalidNotificationError('bad-subscribe-url') for a URL we will not call
 * (answer 400), SubscriptionConfirmationError when SNS did not accept (answer 5xx so
 * SNS sends the confirmation again).
 */
export async function confirmSubscription(
  confirmation: SubscriptionConfirmation,
  options: ConfirmSubscriptionOptions,
): Promise<ConfirmedSubscription> {
  const url = checkSnsUrl(confirmation.subscribeUrl, options, 'bad-subscribe-url', 'SubscribeURL');
  // AWS's SubscribeURL is `/?Action=ConfirmSubscription&TopicArn=…&Token=…`; anything else is not ours to call.
  if (url.searchParams.get('Action') !== 'ConfirmSubscription') {
    throw new InvalidNotificationError('bad-subscribe-url', 'SubscribeURL is not a ConfirmSubscription call');
  }
  const fetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let response: Response;
  try {
    response = await fetchLike(url.href, {
      method: 'GET',
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
    });
  } catch (error) {
    throw new SubscriptionConfirmationError(`SubscribeURL could not be reached (${url.host})`, null, { cause: error });
  }
  const body = await response.text().catch(() => '');
  if (!response.ok)
    throw new SubscriptionConfirmationError(`SNS refused the confirmation with status ${response.status}`, response.status);
  const arn = /<SubscriptionArn>([^<]+)<\/SubscriptionArn>/.exec(body)?.[1];
  return { subscriptionArn: arn ?? null };
}
