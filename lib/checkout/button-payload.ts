import type { AddressInput, CreateCheckoutSessionRequest } from '@/lib/amazon-pay';
import type { ProductKind } from '@/lib/catalog/types';
import { toAmazonPrice, type Money } from '@/lib/money';
import { cartShips } from './pricing';
import type { Fulfilment } from './types';

export interface ButtonCartLine {
  kind: ProductKind;
  lineTotal: Money;
}

export function fulfilmentOf(lines: readonly Pick<ButtonCartLine, 'kind'>[]): Fulfilment {
  if (lines.some((line) => line.kind === 'subscription')) return 'subscription';
  const ships = cartShips(lines);
  if (!ships) return 'digital';
  return lines.some((line) => line.kind === 'digital') ? 'mixed' : 'physical';
}

/**
 * The CreateCheckoutSession payload the button carries
 * (https://developer.amazon.com/docs/amazon-pay-checkout/add-the-amazon-pay-button.html). Amazon builds
 * the session from it when the shopper clicks, so it holds only what is true before
 * an address is known; amounts are set on the review page.
 */
export function buildCheckoutSessionPayload(input: {
  lines: readonly ButtonCartLine[];
  storeId: string;
  storeName: string;
  reviewUrl: string;
  cancelUrl: string;
  shipToCountries: readonly string[];
}): CreateCheckoutSessionRequest {
  const payload: CreateCheckoutSessionRequest = {
    webCheckoutDetails: { checkoutReviewReturnUrl: input.reviewUrl, checkoutCancelUrl: input.cancelUrl },
    storeId: input.storeId,
    // Amazon's page names the store from the start, not only once Place order sets the reference
    // (merchantStoreName overrides Seller Central's name: https://developer.amazon.com/docs/amazon-pay-api-v2/checkout-session.html).
    merchantMetadata: { merchantStoreName: input.storeName },
  };
  if (cartShips(input.lines)) {
    payload.deliverySpecifications = {
      addressRestrictions: {
        type: 'Allowed',
        restrictions: Object.fromEntries(input.shipToCountries.map((country) => [country, {}])),
      },
    };
  }
  const subscription = input.lines.find((line) => line.kind === 'subscription');
  if (subscription) {
    payload.chargePermissionType = 'Recurring';
    payload.recurringMetadata = { frequency: { unit: 'Month', value: 1 }, amount: toAmazonPrice(subscription.lineTotal) };
  }
  return payload;
}

export function productTypeFor(lines: readonly Pick<ButtonCartLine, 'kind'>[]): 'PayAndShip' | 'PayOnly' {
  return cartShips(lines) ? 'PayAndShip' : 'PayOnly';
}

/** Physical goods are captured when they ship; digital goods are delivered at once, so captured at once. */
export function paymentIntentFor(fulfilment: Fulfilment): 'Authorize' | 'AuthorizeWithCapture' {
  return fulfilment === 'digital' ? 'AuthorizeWithCapture' : 'Authorize';
}

/**
 * The additional payment button's payload
 * (https://developer.amazon.com/docs/amazon-pay-apb-checkout/additional-payment-button-overview.html):
 * checkoutMode ProcessOrder, so the shopper pays on Amazon's page and comes straight back to
 * checkoutResultReturnUrl. It carries what the shopper confirmed on our page: the address they
 * entered (addressDetails) and the total we priced for it, which is what completion charges.
 */
export function buildProcessOrderPayload(input: {
  storeId: string;
  storeName: string;
  resultUrl: string;
  cancelUrl: string;
  orderNumber: string;
  paymentIntent: 'Authorize' | 'AuthorizeWithCapture';
  total: Money;
  addressDetails: AddressInput;
}): CreateCheckoutSessionRequest {
  const amount = toAmazonPrice(input.total);
  return {
    storeId: input.storeId,
    webCheckoutDetails: {
      checkoutMode: 'ProcessOrder',
      checkoutResultReturnUrl: input.resultUrl,
      checkoutCancelUrl: input.cancelUrl,
    },
    paymentDetails: {
      paymentIntent: input.paymentIntent,
      canHandlePendingAuthorization: true,
      chargeAmount: amount,
      totalOrderAmount: amount,
    },
    merchantMetadata: { merchantReferenceId: input.orderNumber, merchantStoreName: input.storeName },
    addressDetails: input.addressDetails,
  };
}
