import { createHash } from 'node:crypto';

/**
 * Idempotency keys for merchant payment operations, derived from what the operation
 * does and the state it acts on. A double click, a retry or a second tab derive the
 * same key, so Amazon and our admin_operations row both see one operation; a
 * deliberate second refund acts on a new state (one more refund) and gets a new key.
 * Amazon allows at most 32 characters of [A-Za-z0-9_-] (https://developer.amazon.com/docs/amazon-pay-api-v2/idempotency.html);
 * base64url stays inside that.
 */
export function operationKey(prefix: string, ...parts: ReadonlyArray<string | number | boolean>): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([prefix, ...parts]))
    .digest('base64url');
  return `${prefix}-${digest}`.slice(0, 32);
}
