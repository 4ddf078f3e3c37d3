/**
 * Amazon's reason codes in words for the merchant (https://developer.amazon.com/docs/amazon-pay-api-v2/error-handling.html
 * and the state reason codes of each object's page). The code stays in brackets so support can look it up.
 */
const MESSAGES: Record<string, string> = {
  TransactionAmountExceeded: 'the amount is more than this charge or permission allows.',
  InvalidChargeStatus: 'the charge is not in a state that allows this any more (it may have been captured, canceled or expired).',
  InvalidChargePermissionStatus: 'the charge permission does not allow this in its current state.',
  ChargePermissionNotModifiable: 'the charge permission is closed and can no longer be changed.',
  DuplicateIdempotencyKey: 'the same operation was already sent with different values.',
  InvalidParameterValue: 'one of the values sent was not accepted.',
  ResourceNotFound: 'Amazon does not know this charge or permission.',
  HardDeclined: 'the buyer’s payment method was declined and cannot be used again.',
  SoftDeclined: 'the buyer’s payment method was declined; a later retry may succeed.',
  Declined: 'the payment was declined.',
  AmazonRejected: 'Amazon rejected the transaction.',
  TransactionTimedOut: 'Amazon took too long to answer; nothing was charged.',
  PaymentMethodNotAllowed: 'the buyer’s payment method cannot be used for this.',
  TooManyRequests: 'Amazon Pay is busy; try again in a moment.',
  ServiceUnavailable: 'Amazon Pay is unavailable; try again in a moment.',
  NetworkError: 'Amazon Pay could not be reached; try again in a moment.',
};

export function adminMessageFor(reasonCode: string): string {
  return `Amazon Pay refused: ${MESSAGES[reasonCode] ?? 'the request was not accepted.'} (${reasonCode})`;
}
