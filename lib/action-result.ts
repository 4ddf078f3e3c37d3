import { z } from 'zod';
import { AmazonPayError } from '@/lib/amazon-pay/errors';
import { shopperMessageFor } from '@/lib/checkout/shopper-messages';
import { UserFacingError } from '@/lib/errors';

export type ActionResult<T extends object = object> =
  ({ ok: true } & T) | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export function invalidInput(error: z.ZodError, message = 'Please check the highlighted fields.'): ActionResult<never> {
  return { ok: false, message, fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]> };
}

/**
 * The one place that turns an error thrown by lib/ into words for a person. Logs keep
 * Amazon's reason code and request id, never bodies, names or addresses.
 */
export function failure(error: unknown, context: string): { ok: false; message: string } {
  if (error instanceof UserFacingError) return { ok: false, message: error.message };
  if (error instanceof AmazonPayError) {
    console.error(
      `[${context}] AmazonPayError operation=${error.operation} status=${error.status} reasonCode=${error.reasonCode} requestId=${error.requestId ?? '-'}`,
    );
    return { ok: false, message: shopperMessageFor(error.retryable ? 'ServiceUnavailable' : error.reasonCode) };
  }
  console.error(`[${context}]`, error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error');
  return { ok: false, message: 'Something went wrong on our side. Please try again.' };
}
