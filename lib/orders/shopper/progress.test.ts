import { describe, expect, it } from 'vitest';
import { isProgressFinal, orderProgress, type OrderProgressFacts } from './progress';

const facts = (overrides: Partial<OrderProgressFacts>): OrderProgressFacts => ({
  status: 'pending',
  placedAt: null,
  completionRequestedAt: null,
  chargePermissionId: null,
  lastReasonCode: null,
  ...overrides,
});
const REQUESTED = new Date('2026-05-01T10:00:00Z');

describe('orderProgress', () => {
  it('thanks only for an order whose money is or was held', () => {
    for (const status of ['authorized', 'paid', 'refunded', 'partially_refunded'] as const) {
      expect(orderProgress(facts({ status, placedAt: REQUESTED })), status).toEqual({ kind: 'placed' });
    }
  });

  it('is confirming from the completion request until Amazon settles the authorization', () => {
    expect(orderProgress(facts({ completionRequestedAt: REQUESTED }))).toEqual({ kind: 'confirming' });
    expect(orderProgress(facts({ chargePermissionId: 'S01-1' }))).toEqual({ kind: 'confirming' });
    expect(orderProgress(facts({ status: 'payment_processing', chargePermissionId: 'S01-1' }))).toEqual({
      kind: 'confirming',
    });
    expect(isProgressFinal({ kind: 'confirming' })).toBe(false);
  });

  it('awaits payment when the shopper never came back from Amazon', () => {
    expect(orderProgress(facts({}))).toEqual({ kind: 'awaiting' });
    expect(isProgressFinal({ kind: 'awaiting' })).toBe(true);
  });

  it('calls a pending-then-declined authorization declined, with Amazon reason, never placed', () => {
    const declined = orderProgress(
      facts({
        status: 'declined',
        completionRequestedAt: REQUESTED,
        chargePermissionId: 'S01-1',
        lastReasonCode: 'HardDeclined',
      }),
    );
    expect(declined).toEqual({ kind: 'declined', reasonCode: 'HardDeclined' });
    expect(isProgressFinal(declined)).toBe(true);
    expect(orderProgress(facts({ status: 'canceled', lastReasonCode: 'BuyerCanceled' }))).toEqual({
      kind: 'declined',
      reasonCode: 'BuyerCanceled',
    });
  });

  it('keeps an order canceled after it was placed an order, without thanks or paying again', () => {
    expect(orderProgress(facts({ status: 'canceled', placedAt: REQUESTED, chargePermissionId: 'S01-1' }))).toEqual({
      kind: 'closed',
    });
  });
});
