import { describe, expect, it } from 'vitest';
import { money } from '@/lib/money';
import type { Cart } from '@/lib/cart/cart';
import { addressDetailsOf } from './apb-address';
import { quoteAddressCheckout } from './apb-checkout';
import { buildCheckoutSessionPayload, buildProcessOrderPayload } from './button-payload';

describe('buildCheckoutSessionPayload', () => {
  it('sends a buyer who cancels on Amazon to the given cancel URL', () => {
    const payload = buildCheckoutSessionPayload({
      lines: [{ kind: 'physical', lineTotal: money(2200, 'USD') }],
      storeId: 'amzn1.application-oa2-client.test',
      storeName: 'Northwind Goods',
      reviewUrl: 'https://shop.test/checkout/review',
      cancelUrl: 'https://shop.test/cart?payment=BuyerCanceled',
      shipToCountries: ['US'],
    });
    expect(payload.webCheckoutDetails).toEqual({
      checkoutReviewReturnUrl: 'https://shop.test/checkout/review',
      checkoutCancelUrl: 'https://shop.test/cart?payment=BuyerCanceled',
    });
    expect(payload.merchantMetadata).toEqual({ merchantStoreName: 'Northwind Goods' });
  });
});

describe('buildProcessOrderPayload', () => {
  const address = {
    name: 'Ada Lovelace',
    lines: ['12 Analytical Way'],
    city: 'Toronto',
    stateOrRegion: 'ON',
    postalCode: 'M5V 2T6',
    countryCode: 'CA',
    phoneNumber: '+1 416 555 0100',
  };
  const mug = { id: 'p1', slug: 'enamel-camp-mug', name: 'Enamel Camp Mug', tagline: '', description: '', imagePath: '' };
  const cart: Cart = {
    id: 'c1',
    currency: 'USD',
    lines: [
      {
        id: 'l1',
        product: { ...mug, kind: 'physical', price: money(2200, 'USD'), stock: null },
        quantity: 2,
        maxQuantity: 10,
        lineTotal: money(4400, 'USD'),
      },
    ],
    itemCount: 2,
    subtotal: money(4400, 'USD'),
    estimatedShipping: money(595, 'USD'),
    ships: true,
  };

  it('pays the total priced for the entered address, sent as addressDetails, in ProcessOrder mode', () => {
    const quote = quoteAddressCheckout(cart, address, { shippingMethod: 'express', shipToCountries: ['US', 'CA'] });
    // $44.00 + $14.95 express + $12.00 international, then 5% Canadian tax ($3.55).
    expect(quote.totals.total).toEqual(money(7450, 'USD'));
    const payload = buildProcessOrderPayload({
      storeId: 'amzn1.application-oa2-client.test',
      storeName: 'Test Store',
      resultUrl: 'https://shop.test/checkout/result?order=NW-100001&owner=abc',
      cancelUrl: 'https://shop.test/cart?payment=BuyerCanceled',
      orderNumber: 'NW-100001',
      paymentIntent: 'Authorize',
      total: quote.totals.total,
      addressDetails: addressDetailsOf(quote.address),
    });
    expect(payload).toEqual({
      storeId: 'amzn1.application-oa2-client.test',
      webCheckoutDetails: {
        checkoutMode: 'ProcessOrder',
        checkoutResultReturnUrl: 'https://shop.test/checkout/result?order=NW-100001&owner=abc',
        checkoutCancelUrl: 'https://shop.test/cart?payment=BuyerCanceled',
      },
      paymentDetails: {
        paymentIntent: 'Authorize',
        canHandlePendingAuthorization: true,
        chargeAmount: { amount: '74.50', currencyCode: 'USD' },
        totalOrderAmount: { amount: '74.50', currencyCode: 'USD' },
      },
      merchantMetadata: { merchantReferenceId: 'NW-100001', merchantStoreName: 'Test Store' },
      addressDetails: {
        name: 'Ada Lovelace',
        addressLine1: '12 Analytical Way',
        city: 'Toronto',
        stateOrRegion: 'ON',
        postalCode: 'M5V 2T6',
        countryCode: 'CA',
        phoneNumber: '+1 416 555 0100',
      },
    });
  });

  it('refuses to quote what the address checkout cannot ship', () => {
    const options = { shippingMethod: 'standard' as const, shipToCountries: ['US'] };
    expect(quoteAddressCheckout(cart, address, options).problem).toBe('We don’t ship to Canada yet.');
    const ebook = { ...cart.lines[0]!, product: { ...cart.lines[0]!.product, kind: 'digital' as const } };
    expect(quoteAddressCheckout({ ...cart, lines: [ebook] }, { ...address, countryCode: 'US' }, options).problem).toMatch(
      /Nothing in your cart ships/,
    );
  });
});
