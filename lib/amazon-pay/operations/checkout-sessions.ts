import type {
  CompleteCheckoutSessionRequest,
  CreateCheckoutSessionRequest,
  FinalizeCheckoutSessionRequest,
  UpdateCheckoutSessionRequest,
} from '../requests';
import { checkoutSessionSchema, type CheckoutSession } from '../schemas/checkout-session';
import type { ReadOptions, Send, WriteOptions } from '../transport';

// checkoutSessions: https://developer.amazon.com/docs/amazon-pay-api-v2/checkout-session.html
export function checkoutSessionOperations(send: Send) {
  return {
    createCheckoutSession: (payload: CreateCheckoutSessionRequest, options?: WriteOptions): Promise<CheckoutSession> =>
      send({
        operation: 'createCheckoutSession',
        method: 'POST',
        segments: ['checkoutSessions'],
        body: payload,
        options,
        schema: checkoutSessionSchema,
      }),

    getCheckoutSession: (checkoutSessionId: string, options?: ReadOptions): Promise<CheckoutSession> =>
      send({
        operation: 'getCheckoutSession',
        method: 'GET',
        segments: ['checkoutSessions', checkoutSessionId],
        options,
        schema: checkoutSessionSchema,
      }),

    updateCheckoutSession: (
      checkoutSessionId: string,
      payload: UpdateCheckoutSessionRequest,
      options?: WriteOptions,
    ): Promise<CheckoutSession> =>
      send({
        operation: 'updateCheckoutSession',
        method: 'PATCH',
        segments: ['checkoutSessions', checkoutSessionId],
        body: payload,
        options,
        schema: checkoutSessionSchema,
      }),

    completeCheckoutSession: (
      checkoutSessionId: string,
      payload: CompleteCheckoutSessionRequest,
      options?: WriteOptions,
    ): Promise<CheckoutSession> =>
      send({
        operation: 'completeCheckoutSession',
        method: 'POST',
        segments: ['checkoutSessions', checkoutSessionId, 'complete'],
        body: payload,
        options,
        schema: checkoutSessionSchema,
      }),

    finalizeCheckoutSession: (
      checkoutSessionId: string,
      payload: FinalizeCheckoutSessionRequest,
      options?: WriteOptions,
    ): Promise<CheckoutSession> =>
      send({
        operation: 'finalizeCheckoutSession',
        method: 'POST',
        segments: ['checkoutSessions', checkoutSessionId, 'finalize'],
        body: payload,
        options,
        schema: checkoutSessionSchema,
      }),
  };
}
