import { randomUUID } from 'node:crypto';

/** Reference §2: keys are at most 32 characters of [A-Za-z0-9_-]. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export function isValidIdempotencyKey(value: string): boolean {
  return IDEMPOTENCY_KEY_PATTERN.test(value);
}

/** A uuid4 without dashes (32 hex characters), as the SDKs generate (reference §2). */
export function generateIdempotencyKey(): string {
  return randomUUID().replaceAll('-', '');
}
