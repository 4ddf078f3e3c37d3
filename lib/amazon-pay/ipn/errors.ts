/**
 * Why an incoming SNS message was refused. The IPN route answers 400 to every one
 * of them: WooCommerce's Amazon Pay gateway does the same so SNS stops retrying a
 * message that can never verify.
 */
export type InvalidNotificationReason =
  | 'malformed'
  | 'bad-cert-url'
  | 'cert-unavailable'
  | 'unsupported-signature-version'
  | 'bad-signature'
  | 'unexpected-topic'
  | 'bad-subscribe-url';

export class InvalidNotificationError extends Error {
  override readonly name = 'InvalidNotificationError';
  readonly reason: InvalidNotificationReason;
  /**
   * True only when our side could not fetch the signing certificate: the message may
   * be genuine, so a route that prefers SNS to retry can answer 503 instead of 400.
   */
  readonly retryable: boolean;

  /** `message` must never quote the body: it ends up in logs. */
  constructor(reason: InvalidNotificationReason, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.retryable = reason === 'cert-unavailable';
  }
}

/** The GET on SubscribeURL failed (network or non-2xx): the message was fine, so SNS should retry it. */
export class SubscriptionConfirmationError extends Error {
  override readonly name = 'SubscriptionConfirmationError';
  readonly status: number | null;

  constructor(message: string, status: number | null, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
  }
}
