/**
 * One sentence for the shopper per Amazon reason code (https://developer.amazon.com/docs/amazon-pay-api-v2/error-handling.html
 * and the state reason codes of each object's page). Details stay in the logs; these stay kind and actionable.
 */
const MESSAGES: Record<string, string> = {
  Declined: 'Your payment method was declined. Please try again and choose another card in Amazon Pay.',
  SoftDeclined: 'Your payment method was declined. Please try again and choose another card in Amazon Pay.',
  HardDeclined: 'Your payment method was declined. Please try again and choose another card in Amazon Pay.',
  PaymentMethodNotAllowed: 'That payment method cannot be used for this order. Please choose another one in Amazon Pay.',
  BuyerCanceled: 'You canceled the payment on Amazon Pay. Your cart is still here whenever you are ready.',
  AmazonCanceled: 'Amazon Pay could not complete this payment. Please try again, or choose another payment method.',
  AmazonRejected: 'Amazon Pay could not complete this payment. Please try again, or choose another payment method.',
  TransactionTimedOut: 'Amazon Pay took too long to answer. Nothing was charged; please try again.',
  InvalidCheckoutSessionStatus: 'This Amazon Pay checkout has already ended. Please start again from your cart.',
  Expired: 'This Amazon Pay checkout expired. Please start again from your cart.',
  TooManyRequests: 'Amazon Pay is busy right now. Please try again in a moment.',
  ServiceUnavailable: 'Amazon Pay is busy right now. Please try again in a moment.',
  OrderNotFound: 'We could not find that order. If you paid, it will appear in your account shortly.',
  InvalidLink: 'That checkout link is not valid. Please start again from your cart.',
  CheckoutChanged: 'Your order changed after you went to Amazon Pay, so nothing was charged. Please check it and pay again.',
  CheckoutNotCompleted: 'Your payment was not finished on Amazon Pay. Please try again.',
};

export function shopperMessageFor(reasonCode: string | null | undefined): string {
  return (reasonCode && MESSAGES[reasonCode]) || 'Amazon Pay could not complete the request. Please try again.';
}
