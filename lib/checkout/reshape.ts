import type { Address, CheckoutSession } from '@/lib/amazon-pay';
import { fromAmazonPrice, isCurrencyCode } from '@/lib/money';
import { ownerTagOf } from './checkout-owner';
import type { CheckoutReview, ShippingAddress } from './types';

export function reshapeAddress(address: Address | null | undefined): ShippingAddress | null {
  if (!address) return null;
  return {
    name: address.name ?? '',
    lines: [address.addressLine1, address.addressLine2, address.addressLine3].filter((line): line is string => !!line),
    city: address.city ?? '',
    stateOrRegion: address.stateOrRegion ?? '',
    postalCode: address.postalCode ?? '',
    countryCode: (address.countryCode ?? '').toUpperCase(),
    phoneNumber: address.phoneNumber ?? null,
  };
}

/** Turns Amazon's CheckoutSession into what our pages show (reshaped at the boundary, so pages never see Amazon's raw shapes). */
export function reshapeCheckoutSession(session: CheckoutSession): CheckoutReview {
  const price = session.paymentDetails?.chargeAmount;
  return {
    checkoutSessionId: session.checkoutSessionId,
    state: session.statusDetails.state,
    buyer: session.buyer?.buyerId
      ? { buyerId: session.buyer.buyerId, name: session.buyer.name ?? '', email: session.buyer.email ?? '' }
      : null,
    shippingAddress: reshapeAddress(session.shippingAddress),
    paymentDescriptor: session.paymentPreferences?.[0]?.paymentDescriptor ?? null,
    chargeAmount: price && isCurrencyCode(price.currencyCode) ? fromAmazonPrice(price) : null,
    reasonCode: session.statusDetails.reasonCode ?? null,
    ownerTag: ownerTagOf(session.webCheckoutDetails?.checkoutReviewReturnUrl),
  };
}
