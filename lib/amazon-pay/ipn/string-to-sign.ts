import type { SnsEnvelope } from './sns-envelope';

// The signed keys, in this byte order: https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html
const NOTIFICATION_KEYS = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const;
const CONFIRMATION_KEYS = ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'] as const;

/**
 * `Key\nValue\n` for each signed key present, in AWS's order. Values are used exactly
 * as received: re-serialising `Message` would change the bytes SNS signed.
 */
export function snsStringToSign(envelope: SnsEnvelope): string {
  const pairs: Array<readonly [string, string | undefined]> =
    envelope.Type === 'Notification'
      ? NOTIFICATION_KEYS.map((key) => [key, envelope[key]] as const)
      : CONFIRMATION_KEYS.map((key) => [key, envelope[key]] as const);
  return pairs
    .filter((pair): pair is readonly [string, string] => pair[1] !== undefined)
    .map(([key, value]) => `${key}\n${value}\n`)
    .join('');
}
