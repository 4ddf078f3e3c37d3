/**
 * Amazon Pay IPN verification (https://developer.amazon.com/docs/amazon-pay-checkout/set-up-instant-payment-notifications.html,
 * https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html): the route hands over the raw body,
 * gets back a verified, typed notification or an InvalidNotificationError (→ 400).
 */
export {
  createSnsVerifier,
  type SnsVerifier,
  type SnsVerifierOptions,
  type VerifiedNotification,
  type SubscriptionConfirmation,
} from './verify';
export { confirmSubscription, type ConfirmSubscriptionOptions, type ConfirmedSubscription } from './confirm-subscription';
export { InvalidNotificationError, SubscriptionConfirmationError, type InvalidNotificationReason } from './errors';
export { AMAZON_SNS_HOST, type SnsUrlPolicy } from './cert-url';
export type { FetchLike } from './cert-cache';
export {
  snsEnvelopeSchema,
  amazonPayNotificationSchema,
  amazonPayNotificationJsonSchema,
  type SnsEnvelope,
  type SnsNotificationEnvelope,
  type SnsConfirmationEnvelope,
  type SnsMessageType,
  type AmazonPayNotification,
  type AmazonPayObjectType,
  type AmazonPayNotificationType,
} from './sns-envelope';
