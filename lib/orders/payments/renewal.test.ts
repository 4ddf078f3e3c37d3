import { describe, expect, it } from 'vitest';
import { addCalendarMonths, dueDateInWords, renewalCursor, type RenewalAttempt } from './renewal';

const utc = (year: number, month: number, day: number, hour = 0) => new Date(Date.UTC(year, month - 1, day, hour));

describe('renewal due dates', () => {
  it('fall on the anchor’s day of the month, clamped to the month’s last day, counted from the anchor', () => {
    const anchor = utc(2026, 1, 31, 15);
    expect(addCalendarMonths(anchor, 0)).toEqual(utc(2026, 1, 31));
    expect(addCalendarMonths(anchor, 1)).toEqual(utc(2026, 2, 28));
    expect(addCalendarMonths(anchor, 2)).toEqual(utc(2026, 3, 31));
    expect(addCalendarMonths(anchor, 3)).toEqual(utc(2026, 4, 30));
    expect(addCalendarMonths(anchor, 13)).toEqual(utc(2027, 2, 28));
    expect(addCalendarMonths(utc(2028, 1, 31), 1)).toEqual(utc(2028, 2, 29));
    expect(addCalendarMonths(utc(2026, 12, 15, 23), 1)).toEqual(utc(2027, 1, 15));
  });

  it('are named in words', () => {
    expect(dueDateInWords(utc(2026, 2, 28))).toBe('February 28, 2026');
  });
});

describe('the next renewal period and attempt', () => {
  const op = (period: number | null, status: string, chargeState: string | null, reasonCode: string | null = null) =>
    ({ period, status, chargeState, reasonCode }) satisfies RenewalAttempt;

  it('start at period 2, the checkout’s charge being period 1, and advance with each live renewal', () => {
    expect(renewalCursor([])).toEqual({ period: 2, attempt: 0 });
    expect(renewalCursor([op(2, 'succeeded', 'Captured')])).toEqual({ period: 3, attempt: 0 });
    // Recorded in any order, and a renewal whose charge is not recorded yet still counts.
    expect(renewalCursor([op(3, 'succeeded', 'AuthorizationInitiated'), op(2, 'succeeded', null)])).toEqual({
      period: 4,
      attempt: 0,
    });
    // A renewal made before periods were recorded still used up a period.
    expect(renewalCursor([op(null, 'succeeded', 'Captured')])).toEqual({ period: 3, attempt: 0 });
  });

  it('reopen a period whose charge was declined or canceled, on the next attempt', () => {
    expect(renewalCursor([op(2, 'succeeded', 'Declined')])).toEqual({ period: 2, attempt: 1 });
    expect(renewalCursor([op(2, 'succeeded', 'Declined'), op(2, 'succeeded', 'Canceled')])).toEqual({
      period: 2,
      attempt: 2,
    });
    expect(renewalCursor([op(2, 'succeeded', 'Declined'), op(2, 'succeeded', 'Captured')])).toEqual({
      period: 3,
      attempt: 0,
    });
    expect(renewalCursor([op(2, 'failed', null, 'SoftDeclined')])).toEqual({ period: 2, attempt: 1 });
  });

  it('keep the key of a try that is in flight or failed without Amazon’s answer', () => {
    expect(renewalCursor([op(2, 'pending', null)])).toEqual({ period: 2, attempt: 0 });
    expect(renewalCursor([op(2, 'failed', null, 'NetworkError')])).toEqual({ period: 2, attempt: 0 });
    expect(renewalCursor([op(2, 'failed', null, 'ServiceUnavailable')])).toEqual({ period: 2, attempt: 0 });
    expect(renewalCursor([op(2, 'failed', null, 'InternalError')])).toEqual({ period: 2, attempt: 0 });
  });
});
