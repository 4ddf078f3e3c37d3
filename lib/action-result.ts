import { z } from 'zod';
import { AmazonPayError } from '@/lib/amazon-pay/errors';
import { shopperMessageFor } from '@/lib/checkout/shopper-messages';
import { UserFacingError } from '@/lib/errors';
import { errorFields, log } from '@/lib/log';

export type ActionResult<T extends object = object> =
  ({ ok: true } & T) | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export function invalidInput(error: z.ZodError, message = 'Please check the highlighted fields.'): ActionResult<never> {
  return { ok: false, message, fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]> };
}

export const GENERIC_FAILURE = 'Something went wrong on our side. Please try again.';

/** Amazon's sentence for the shopper: a retryable failure reads as "busy", anything else by its reason code. */
export function amazonPayShopperMessage(error: AmazonPayError): string {
  return shopperMessageFor(error.retryable ? 'ServiceUnavailable' : error.reasonCode);
}

/** Logs keep Amazon's reason code and request id, never bodies, names or addresses. */
export function logFailure(error: unknown, context: string): void {
  if (error instanceof AmazonPayError) {
    log.error(
      {
        context,
        amazonPay: { operation: error.operation, status: error.status, reasonCode: error.reasonCode, requestId: error.requestId },
      },
      'Amazon Pay refused the call',
    );
  } else {
    log.error({ context, ...errorFields(error) }, 'action failed');
  }
}

/**
 * The one place that turns an error thrown by lib/ into words for the shopper. The admin's
 * words are in lib/auth/admin-errors.ts.
 */
export function failure(error: unknown, context: string): { ok: false; message: string } {
  if (error instanceof UserFacingError) return { ok: false, message: error.message };
  logFailure(error, context);
  if (error instanceof AmazonPayError) return { ok: false, message: amazonPayShopperMessage(error) };
  return { ok: false, message: GENERIC_FAILURE };
}
