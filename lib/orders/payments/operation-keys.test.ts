import { describe, expect, it } from 'vitest';
import { isValidIdempotencyKey } from '@/lib/amazon-pay';
import { operationKey } from './operation-keys';

describe('operation keys', () => {
  it('are deterministic, Amazon-valid (≤32 of [A-Za-z0-9_-]) and change with the state acted on', () => {
    const first = operationKey('ref', 'S01-1234567-1234567-C000001', 1000, 0);
    expect(operationKey('ref', 'S01-1234567-1234567-C000001', 1000, 0)).toBe(first);
    expect(isValidIdempotencyKey(first)).toBe(true);
    expect(first).toHaveLength(32);
    expect(operationKey('ref', 'S01-1234567-1234567-C000001', 1000, 1)).not.toBe(first);
    expect(operationKey('ref', 'S01-1234567-1234567-C000001', 1001, 0)).not.toBe(first);
    expect(operationKey('cap', 'S01-1234567-1234567-C000001', 1000, 0)).not.toBe(first);
  });

  it('give every renewal period and every attempt at it its own key', () => {
    const permission = 'S01-1234567-1234567';
    const keys = [
      operationKey('renew', permission, 2, 0),
      operationKey('renew', permission, 2, 1),
      operationKey('renew', permission, 3, 0),
      operationKey('renew', 'S01-7654321-7654321', 2, 0),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(operationKey('renew', permission, 2, 0)).toBe(keys[0]);
  });
});
