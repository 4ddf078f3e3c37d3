import { describe, expect, it } from 'vitest';
import { isValidIdempotencyKey } from '@/lib/amazon-pay';
import { billingMonth, operationKey } from './operation-keys';

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

  it('bill renewals by UTC month', () => {
    expect(billingMonth(new Date(Date.UTC(2026, 0, 31, 23, 59)))).toBe('2026-01');
    expect(billingMonth(new Date(Date.UTC(2026, 1, 1, 0, 0)))).toBe('2026-02');
  });
});
