import type { z } from 'zod';
import type { Money } from '@/lib/money';
import { SandboxHttpError } from '../http';
import { toMoney, type AddressInput, type finalizeCheckoutSessionSchema } from '../schemas';
import type { SimulationCode } from '../simulations';
import { assertCompletable, completeCheckoutSession } from './checkout-session';
import type { Store } from './store';
import type { Address, CheckoutSessionRecord } from './types';

type FinalizeInput = z.infer<typeof finalizeCheckoutSessionSchema>;

const EMPTY_ADDRESS: Address = {
  name: '',
  addressLine1: '',
  addressLine2: null,
  addressLine3: null,
  city: '',
  county: null,
  district: null,
  stateOrRegion: null,
  postalCode: '',
  countryCode: '',
  phoneNumber: null,
};

/** The merchant's fields over what the buyer chose; an explicit null clears an optional line. */
function mergeAddress(current: Address | null, given: AddressInput): Address {
  const from = current ?? EMPTY_ADDRESS;
  const optional = (value: string | null | undefined, fallback: string | null) => (value === undefined ? fallback : value);
  return {
    name: given.name ?? from.name,
    addressLine1: given.addressLine1 ?? from.addressLine1,
    addressLine2: optional(given.addressLine2, from.addressLine2),
    addressLine3: optional(given.addressLine3, from.addressLine3),
    city: given.city ?? from.city,
    county: optional(given.county, from.county),
    district: optional(given.district, from.district),
    stateOrRegion: optional(given.stateOrRegion, from.stateOrRegion),
    postalCode: given.postalCode ?? from.postalCode,
    countryCode: given.countryCode ?? from.countryCode,
    phoneNumber: optional(given.phoneNumber, from.phoneNumber),
  };
}

/**
 * Checked before anything changes. The buyer saw the session's currency, so the
 * final amount keeps it; a charge above the order total would fail inside Complete
 * after the ChargePermission exists, so it is refused up front.
 */
function checkAmounts(session: CheckoutSessionRecord, charge: Money, total: Money | null): void {
  const effectiveTotal = total ?? session.totalOrderAmount;
  if (
    (session.chargeAmount && session.chargeAmount.currency !== charge.currency) ||
    (effectiveTotal && effectiveTotal.currency !== charge.currency)
  ) {
    throw new SandboxHttpError(
      400,
      'CurrencyMismatch',
      'chargeAmount and totalOrderAmount must use the currency of the Checkout Session.',
    );
  }
  if (effectiveTotal && charge.amount > effectiveTotal.amount) {
    throw new SandboxHttpError(400, 'InvalidParameterValue', 'chargeAmount must not exceed totalOrderAmount.');
  }
}

/**
 * Finalize (https://developer.amazon.com/docs/amazon-pay-buy-now-checkout/verify-and-complete-checkout.html;
 * Node SDK finalizeCheckoutSession): update and complete in
 * one call, once the buyer is back from amazonPayRedirectUrl. The final payment
 * details are applied, then Complete runs as it is, so simulation codes, magic
 * cards and a second call on a Completed session behave exactly as on Complete.
 */
export function finalizeCheckoutSession(
  store: Store,
  session: CheckoutSessionRecord,
  input: FinalizeInput,
  simulation: SimulationCode<'finalizeCheckoutSession'> | null,
): void {
  assertCompletable(session);
  const chargeAmount = toMoney(input.chargeAmount, 'chargeAmount');
  const totalOrderAmount = input.totalOrderAmount ? toMoney(input.totalOrderAmount, 'totalOrderAmount') : null;
  checkAmounts(session, chargeAmount, totalOrderAmount);

  session.chargeAmount = chargeAmount;
  if (totalOrderAmount) session.totalOrderAmount = totalOrderAmount;
  session.paymentIntent = input.paymentIntent;
  if (input.canHandlePendingAuthorization !== undefined)
    session.canHandlePendingAuthorization = input.canHandlePendingAuthorization;
  if (input.shippingAddress) session.shippingAddress = mergeAddress(session.shippingAddress, input.shippingAddress);
  if (input.billingAddress)
    session.billingAddress = mergeAddress(session.billingAddress ?? session.card?.billingAddress ?? null, input.billingAddress);
  if (input.supplementaryData !== undefined) session.supplementaryData = input.supplementaryData;
  completeCheckoutSession(store, session, { chargeAmount: input.chargeAmount }, simulation);
}
