import 'server-only';
import { amazonPayShopperMessage, GENERIC_FAILURE, logFailure } from '@/lib/action-result';
import { AmazonPayError } from '@/lib/amazon-pay/errors';
import { EcomchargeError } from '@/lib/ecomcharge/errors';
import { UnauthorizedError, UserFacingError } from '@/lib/errors';
import { ReportDocumentError } from '@/lib/reports/document-stream';
import { SettlementFormatError } from '@/lib/reports/settlement';
import { log } from '@/lib/log';

/**
 * Every error in the admin's words, in one place. The admin (unlike a shopper) needs
 * Amazon's own reason: a 409 on a schedule or a 400 on a report type says what to change.
 * Logs keep codes and ids only.
 */

/**
 * Amazon's reason codes in words for the merchant
 * (https://developer.amazon.com/docs/amazon-pay-api-v2/error-handling.html). The code
 * stays in brackets so support can look it up.
 */
const REASON_MESSAGES: Record<string, string> = {
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

/** A payment operation Amazon refused (AmazonRefusedError) or a live read that failed. */
export function adminMessageFor(reasonCode: string): string {
  return `Amazon Pay refused: ${REASON_MESSAGES[reasonCode] ?? 'the request was not accepted.'} (${reasonCode})`;
}

/**
 * How an AmazonPayError that reaches the admin unworded reads. The report screens show
 * Amazon's reason and message ('reason'). The order and resync screens word Amazon's
 * refusals in lib/orders/payments already (adminMessageFor), so what escapes there, a
 * failed re-read, gets the short sentence the shopper would see ('brief').
 */
export type AmazonPayWording = 'reason' | 'brief';

export function adminErrorMessage(error: unknown, context: string, amazonPay: AmazonPayWording = 'reason'): string {
  if (
    error instanceof UnauthorizedError ||
    error instanceof UserFacingError ||
    error instanceof ReportDocumentError ||
    error instanceof SettlementFormatError
  ) {
    return error.message;
  }
  if (error instanceof EcomchargeError) {
    log.error(
      { context, ecomcharge: { operation: error.operation, status: error.status, code: error.code } },
      'eComCharge refused the call',
    );
    return error.message;
  }
  logFailure(error, context);
  if (error instanceof AmazonPayError) {
    if (amazonPay === 'brief') return amazonPayShopperMessage(error);
    if (error.retryable) return 'Amazon Pay is not answering right now; try again in a moment.';
    return `Amazon Pay refused the request (${error.reasonCode}): ${error.message}`;
  }
  return GENERIC_FAILURE;
}

/** HTTP status for a route handler answering with the message above. */
export function adminErrorStatus(error: unknown): number {
  if (error instanceof UnauthorizedError) return 401;
  if (error instanceof UserFacingError || error instanceof SettlementFormatError) return 422;
  if (error instanceof ReportDocumentError) return error.code === 'NotReady' ? 409 : 502;
  if (error instanceof AmazonPayError) return error.status === 404 ? 404 : error.status >= 500 || error.retryable ? 502 : 400;
  if (error instanceof EcomchargeError) return error.code === 'InvalidParameters' || error.code === 'InvalidArgument' ? 400 : 502;
  return 500;
}
