import { describe, expect, it } from 'vitest';
import { shopperMessageFor } from './shopper-messages';
import { CHECKOUT_CANCEL_PATH, checkoutReviewPath } from './return-paths';

describe('checkoutReviewPath', () => {
  it('is the plain review page for the cart checkout', () => {
    expect(checkoutReviewPath()).toBe('/checkout/review');
    expect(checkoutReviewPath({ cart: undefined })).toBe('/checkout/review');
  });

  it('keeps a "buy now" checkout\'s cart next to the session and shipping method', () => {
    expect(
      checkoutReviewPath({ cart: '0b6f0d6e-4d7c-4d1e-9d5c-2b7f3f0f9a11', amazonCheckoutSessionId: 'S01-1', shipping: 'express' }),
    ).toBe('/checkout/review?cart=0b6f0d6e-4d7c-4d1e-9d5c-2b7f3f0f9a11&amazonCheckoutSessionId=S01-1&shipping=express');
  });
});

describe('CHECKOUT_CANCEL_PATH', () => {
  it('lands on the cart with the buyer-canceled message', () => {
    const url = new URL(CHECKOUT_CANCEL_PATH, 'https://shop.test');
    expect(url.pathname).toBe('/cart');
    expect(shopperMessageFor(url.searchParams.get('payment'))).toMatch(/You canceled the payment on Amazon Pay/);
  });
});
