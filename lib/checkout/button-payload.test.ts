import { describe, expect, it } from 'vitest';
import { money } from '@/lib/money';
import { buildCheckoutSessionPayload } from './button-payload';

describe('buildCheckoutSessionPayload', () => {
  it('sends a buyer who cancels on Amazon to the given cancel URL', () => {
    const payload = buildCheckoutSessionPayload({
      lines: [{ kind: 'physical', lineTotal: money(2200, 'USD') }],
      storeId: 'amzn1.application-oa2-client.test',
      reviewUrl: 'https://shop.test/checkout/review',
      cancelUrl: 'https://shop.test/cart?payment=BuyerCanceled',
      shipToCountries: ['US'],
    });
    expect(payload.webCheckoutDetails).toEqual({
      checkoutReviewReturnUrl: 'https://shop.test/checkout/review',
      checkoutCancelUrl: 'https://shop.test/cart?payment=BuyerCanceled',
    });
  });
});
