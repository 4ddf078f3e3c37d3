import { describe, expect, it } from 'vitest';
import { closeRefusal, trackingRefusal, type GateFacts } from './after-sale-gates';

const placed: GateFacts = { placedAt: new Date('2026-05-01T10:00:00Z'), status: 'paid', chargePermissionState: 'Chargeable' };

describe('which after-sale operations an order allows', () => {
  it('offers tracking and close on a placed order, and tracking after Amazon closed the permission on full capture', () => {
    expect(trackingRefusal(placed)).toBeNull();
    expect(closeRefusal(placed)).toBeNull();
    expect(trackingRefusal({ ...placed, chargePermissionState: 'Closed' })).toBeNull();
    expect(trackingRefusal({ ...placed, status: 'partially_refunded' })).toBeNull();
  });

  it('refuses both on a declined, a canceled and a never-placed order, in words that say why', () => {
    const declined = { ...placed, status: 'declined' as const };
    const canceled = { ...placed, status: 'canceled' as const };
    const attempt = { ...placed, placedAt: null, status: 'pending' as const };
    expect(trackingRefusal(declined)).toBe('The payment for this order was declined, so there is nothing to ship.');
    expect(closeRefusal(declined)).toBe('The payment for this order was declined, so there is nothing to close.');
    expect(trackingRefusal(canceled)).toBe('This order was canceled, so there is nothing to ship.');
    expect(closeRefusal(canceled)).toMatch(/canceled, so there is nothing to close/);
    expect(trackingRefusal(attempt)).toMatch(/^This is a checkout attempt that never became an order/);
    expect(closeRefusal(attempt)).toMatch(/checkout attempt/);
  });

  it('refuses to close a permission closed already', () => {
    expect(closeRefusal({ ...placed, chargePermissionState: 'Closed' })).toBe('This charge permission is closed already.');
  });
});
