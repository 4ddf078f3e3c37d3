import type {
  CompleteCheckoutSessionRequest,
  CreateCheckoutSessionRequest,
  FinalizeCheckoutSessionRequest,
  UpdateCheckoutSessionRequest,
} from '../requests';
import { checkoutSessionSchema, type CheckoutSession } from '../schemas/checkout-session';
import { named, type OperationsReturning } from './define';

// checkoutSessions: https://developer.amazon.com/docs/amazon-pay-api-v2/checkout-session.html
export function checkoutSessionOperations(returning: OperationsReturning) {
  const session = returning<CheckoutSession>(checkoutSessionSchema);
  return named({
    createCheckoutSession: session.create<CreateCheckoutSessionRequest>('checkoutSessions'),
    getCheckoutSession: session.get('checkoutSessions'),
    updateCheckoutSession: session.write<UpdateCheckoutSessionRequest>('PATCH', 'checkoutSessions'),
    completeCheckoutSession: session.write<CompleteCheckoutSessionRequest>('POST', 'checkoutSessions', 'complete'),
    finalizeCheckoutSession: session.write<FinalizeCheckoutSessionRequest>('POST', 'checkoutSessions', 'finalize'),
  });
}
