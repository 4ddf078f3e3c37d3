import { randomUUID } from 'node:crypto';

/** Keys are at most 32 characters of [A-Za-z0-9_-] (https://developer.amazon.com/docs/amazon-pay-api-v2/idempotency.html). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export function isValidIdempotencyKey(value: string): boolean {
  return IDEMPOTENCY_KEY_PATTERN.test(value);
}

/** A uuid4 without dashes (32 hex characters), as the official SDKs generate. */
export function generateIdempotencyKey(): string {
  return randomUUID().replaceAll('-', '');
}
