import { describe, expect, it } from 'vitest';
import { orderStatusFromPayments } from './status';

const charge = (state: string, capturedAmount = 0, refundedAmount = 0) => ({ state, capturedAmount, refundedAmount });

describe('the order status from its charges', () => {
  it('is paid only when every live charge is captured', () => {
    expect(orderStatusFromPayments([charge('Captured', 2400), charge('Captured', 2400)])).toBe('paid');
    expect(orderStatusFromPayments([charge('Authorized'), charge('Captured', 2400)])).toBe('authorized');
    expect(orderStatusFromPayments([charge('CaptureInitiated'), charge('Captured', 2400)])).toBe('authorized');
    expect(orderStatusFromPayments([charge('Captured', 2400), charge('AuthorizationInitiated')])).toBe('payment_processing');
    expect(orderStatusFromPayments([charge('Authorized'), charge('AuthorizationInitiated')])).toBe('authorized');
  });

  it('leaves declined and canceled charges out, unless nothing else is left', () => {
    expect(orderStatusFromPayments([charge('Captured', 2400), charge('Declined')])).toBe('paid');
    expect(orderStatusFromPayments([charge('Canceled'), charge('Authorized')])).toBe('authorized');
    expect(orderStatusFromPayments([charge('Canceled'), charge('Declined')])).toBe('declined');
    expect(orderStatusFromPayments([charge('Canceled')])).toBe('canceled');
    expect(orderStatusFromPayments([])).toBe('pending');
  });

  it('says refunded or partially refunded from the amounts, whatever the states', () => {
    expect(orderStatusFromPayments([charge('Captured', 2400, 2400)])).toBe('refunded');
    expect(orderStatusFromPayments([charge('Captured', 2400, 1000), charge('Authorized')])).toBe('partially_refunded');
  });
});
