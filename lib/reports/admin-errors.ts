import 'server-only';
import { AmazonPayError } from '@/lib/amazon-pay';
import { UnauthorizedError } from '@/lib/auth';
import { EcomchargeError } from '@/lib/ecomcharge';
import { UserFacingError } from '@/lib/errors';
import { ReportDocumentError } from '@/lib/reports/document-stream';
import { SettlementFormatError } from '@/lib/reports/settlement';

/**
 * Words for the admin, who (unlike a shopper) needs Amazon's own reason:
 * a 409 on a schedule or a 400 on a report type says what to change.
 * Logs keep codes and ids only.
 */
export function adminErrorMessage(error: unknown, context: string): string {
  if (
    error instanceof UnauthorizedError ||
    error instanceof UserFacingError ||
    error instanceof ReportDocumentError ||
    error instanceof SettlementFormatError
  ) {
    return error.message;
  }
  if (error instanceof AmazonPayError) {
    console.error(
      `[${context}] AmazonPayError operation=${error.operation} status=${error.status} reasonCode=${error.reasonCode} requestId=${error.requestId ?? '-'}`,
    );
    if (error.retryable) return 'Amazon Pay is not answering right now; try again in a moment.';
    return `Amazon Pay refused the request (${error.reasonCode}): ${error.message}`;
  }
  if (error instanceof EcomchargeError) {
    console.error(`[${context}] EcomchargeError operation=${error.operation} status=${error.status} code=${error.code}`);
    return error.message;
  }
  console.error(`[${context}]`, error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error');
  return 'Something went wrong on our side. Please try again.';
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
