import type { Money } from '@/lib/money';

/** Our view of a shipping address; nothing outside lib/ sees Amazon's shape. */
export interface ShippingAddress {
  name: string;
  lines: string[];
  city: string;
  stateOrRegion: string;
  postalCode: string;
  countryCode: string;
  phoneNumber: string | null;
}

export interface CheckoutReview {
  checkoutSessionId: string;
  state: 'Open' | 'Completed' | 'Canceled' | (string & {});
  buyer: { name: string; email: string; buyerId: string } | null;
  shippingAddress: ShippingAddress | null;
  paymentDescriptor: string | null;
  chargeAmount: Money | null;
  reasonCode: string | null;
  /** The owner tag of the browser that started the session (see checkout-owner.ts). */
  ownerTag: string | null;
}

export type Fulfilment = 'physical' | 'digital' | 'mixed' | 'subscription';
