/**
 * Amazon Pay's states and reason codes in the merchant's words, for the admin. The codes
 * come from the state and reason-code tables of
 * https://developer.amazon.com/docs/amazon-pay-api-v2/checkout-session.html,
 * charge-permission.html, charge.html and refund.html, and from the error codes of
 * error-handling.html that reach the background-work page. Amazon adds values, so any other
 * code is shown as Amazon sent it. No server-only import: the admin's client components use it.
 */

export interface AmazonTermWords {
  /** A short label, fit for a badge. */
  label: string;
  /** One sentence on what it means for the merchant. */
  meaning: string;
}

const TERMS = {
  // Checkout Session states and reasons
  Open: { label: 'Awaiting the buyer', meaning: 'The buyer has not finished checking out on Amazon yet.' },
  Completed: { label: 'Checkout completed', meaning: 'The buyer finished checking out; a charge permission exists.' },
  Canceled: { label: 'Canceled', meaning: 'It was canceled and can no longer be used.' },
  AmazonCanceled: { label: 'Canceled by Amazon', meaning: 'Amazon canceled it.' },
  BuyerCanceled: { label: 'Canceled by the buyer', meaning: 'The buyer canceled, on Amazon or from their account.' },
  Expired: { label: 'Expired', meaning: 'It was not used in time and has expired.' },
  // Charge states
  AuthorizationInitiated: {
    label: 'Authorization pending',
    meaning: 'Amazon is still deciding whether to authorize the payment; this can take up to a day.',
  },
  Authorized: { label: 'Payment held', meaning: 'The money is reserved on the buyer’s payment method, not yet taken.' },
  CaptureInitiated: { label: 'Capture pending', meaning: 'Amazon is taking the money; it settles shortly.' },
  Captured: { label: 'Payment taken', meaning: 'The money was taken and will be paid out to you.' },
  Declined: { label: 'Declined', meaning: 'The payment was declined.' },
  // Charge reason codes
  SoftDeclined: {
    label: 'Declined, may succeed later',
    meaning: 'The payment method was declined for now; a retry, or another method, may work.',
  },
  HardDeclined: {
    label: 'Declined for good',
    meaning: 'The payment method was declined and will not work again; the buyer must use another.',
  },
  AmazonRejected: { label: 'Rejected by Amazon', meaning: 'Amazon refused the transaction.' },
  ProcessingFailure: {
    label: 'Amazon processing error',
    meaning: 'Amazon could not process the transaction because of an error on its side; it may be retried.',
  },
  TransactionTimedOut: {
    label: 'Authorization timed out',
    meaning: 'Amazon did not decide on the authorization in time, so nothing was charged.',
  },
  ExpiredUnused: {
    label: 'Expired unused',
    meaning: 'The authorization was not captured within 30 days and lapsed.',
  },
  MerchantCanceled: { label: 'Canceled by you', meaning: 'The store canceled it.' },
  ChargePermissionCanceled: {
    label: 'Permission canceled',
    meaning: 'The charge permission it depends on was canceled or closed.',
  },
  // Charge Permission states and reasons
  Chargeable: { label: 'Can be charged', meaning: 'New charges can be made on this permission.' },
  NonChargeable: { label: 'Cannot be charged now', meaning: 'No charge can be made until the reason is resolved.' },
  Closed: { label: 'Closed', meaning: 'No further charges can be made on it.' },
  MerchantClosed: { label: 'Closed by you', meaning: 'The store closed the charge permission.' },
  AmazonClosed: {
    label: 'Closed by Amazon',
    meaning: 'Amazon closed it, for example once the whole order amount was captured.',
  },
  ChargeInProgress: { label: 'A charge is in progress', meaning: 'Another charge on this permission has not settled yet.' },
  PaymentMethodInvalid: { label: 'Payment method invalid', meaning: 'The buyer’s payment method can no longer be used.' },
  PaymentMethodDeleted: { label: 'Payment method removed', meaning: 'The buyer removed the payment method from Amazon.' },
  PaymentMethodExpired: { label: 'Payment method expired', meaning: 'The buyer’s card has expired.' },
  PaymentMethodNotAllowed: { label: 'Payment method not allowed', meaning: 'This payment method cannot be used here.' },
  PaymentMethodNotSet: { label: 'No payment method', meaning: 'The buyer has no payment method set for this.' },
  BillingAddressDeleted: { label: 'Billing address removed', meaning: 'The buyer removed the billing address.' },
  MFAFailed: { label: 'Buyer verification failed', meaning: 'The buyer did not pass the extra verification step.' },
  // Refund states
  RefundInitiated: { label: 'Refund pending', meaning: 'Amazon is sending the money back; it settles shortly.' },
  Refunded: { label: 'Refunded', meaning: 'The money went back to the buyer.' },
  // Charge permission types
  OneTime: { label: 'One-time payment', meaning: 'A single order, charged once.' },
  Recurring: { label: 'Recurring', meaning: 'A subscription, charged again each period.' },
  // Error codes that reach the admin in job failures
  InvalidChargeStatus: {
    label: 'Charge in the wrong state',
    meaning: 'The charge no longer allows this (captured, canceled or expired).',
  },
  InvalidChargePermissionStatus: {
    label: 'Permission in the wrong state',
    meaning: 'The charge permission does not allow this in its current state.',
  },
  TransactionAmountExceeded: { label: 'Amount too high', meaning: 'The amount is more than the charge or permission allows.' },
  ResourceNotFound: { label: 'Unknown to Amazon', meaning: 'Amazon does not know this object.' },
  TooManyRequests: { label: 'Amazon busy', meaning: 'Amazon throttled the request; it is retried.' },
  ServiceUnavailable: { label: 'Amazon unavailable', meaning: 'Amazon Pay did not answer; it is retried.' },
} as const satisfies Record<string, AmazonTermWords>;

/** A code we have words for; any string is still accepted wherever a code is (Amazon adds values). */
export type KnownAmazonTerm = keyof typeof TERMS;

const WORDS: Readonly<Record<string, AmazonTermWords>> = TERMS;

export function isKnownAmazonTerm(code: string): code is KnownAmazonTerm {
  return Object.hasOwn(WORDS, code);
}

/** The code's words, or null for a code we do not know (shown raw). */
export function amazonTermWords(code: KnownAmazonTerm | (string & {})): AmazonTermWords | null {
  return isKnownAmazonTerm(code) ? WORDS[code]! : null;
}

/** The label, or the code itself when we have no words for it. */
export function amazonTermLabel(code: KnownAmazonTerm | (string & {})): string {
  return amazonTermWords(code)?.label ?? code;
}

/**
 * Free text (a job's result, an error message) cut into plain runs and Amazon codes we know.
 * Only words with two capitals or more count: "Open" or "Closed" at the start of a sentence is English.
 */
export function splitAmazonTerms(text: string): Array<{ text: string } | { code: KnownAmazonTerm }> {
  const parts: Array<{ text: string } | { code: KnownAmazonTerm }> = [];
  let last = 0;
  for (const match of text.matchAll(/\b(?=[a-z]*[A-Z][a-z]*[A-Z])[A-Za-z]+\b/g)) {
    const word = match[0];
    if (!isKnownAmazonTerm(word)) continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ code: word });
    last = match.index + word.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
