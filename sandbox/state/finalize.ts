import type { z } from 'zod';
import type { Money } from '@/lib/money';
import { missingField, SandboxHttpError } from '../http';
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
 * Checked before anything changes. The buyer saw the session's currency and amount, so
 * Finalize must repeat them (verify-and-complete-checkout.html: chargeAmount must match
 * the session's); a charge above the order total would fail inside Complete after the
 * ChargePermission exists, so it is refused up front.
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
  // Finalize confirms the amount the session holds; it never changes it.
  if (session.chargeAmount && session.chargeAmount.amount !== charge.amount) {
    throw new SandboxHttpError(409, 'AmountMismatch', 'chargeAmount must match the Checkout Session’s chargeAmount.');
  }
  if (session.totalOrderAmount && total && session.totalOrderAmount.amount !== total.amount) {
    throw new SandboxHttpError(409, 'AmountMismatch', 'totalOrderAmount must match the Checkout Session’s totalOrderAmount.');
  }
}

/** Absent, null and empty are one value: the SDKs send whichever they have for a line that is not there. */
const sameLine = (given: string | null | undefined, shared: string | null) => (given || null) === (shared || null);

/**
 * The merchant repeats the address Amazon shared, field by field, so a buyer is never
 * charged for delivery to an address they did not choose in their Amazon wallet.
 */
function checkShippingAddress(shared: Address, given: AddressInput): void {
  const fields = Object.keys(EMPTY_ADDRESS) as (keyof Address)[];
  const differing = fields.find((field) => !sameLine(given[field], shared[field]));
  if (differing) {
    throw new SandboxHttpError(
      400,
      'InvalidParameterValue',
      `shippingAddress.${differing} does not match the address the buyer selected in Amazon Pay.`,
    );
  }
}

/**
 * What the Checkout Session holds must be repeated (verify-and-complete-checkout.html):
 * totalOrderAmount and supplementaryData once the session has them, and for PayAndShip the
 * shipping address Amazon shared.
 */
function checkRepeatedDetails(session: CheckoutSessionRecord, input: FinalizeInput): void {
  if (session.totalOrderAmount && !input.totalOrderAmount) throw missingField('totalOrderAmount');
  if (session.supplementaryData !== null && (input.supplementaryData ?? null) === null) throw missingField('supplementaryData');
  if (session.productType !== 'PayAndShip') return;
  if (!input.shippingAddress) throw missingField('shippingAddress');
  if (session.shippingAddress) checkShippingAddress(session.shippingAddress, input.shippingAddress);
}

/**
 * Finalize (https://developer.amazon.com/docs/amazon-pay-buy-now-checkout/verify-and-complete-checkout.html;
 * Node SDK finalizeCheckoutSession): update and complete in
 * one call, once the buyer is back from amazonPayRedirectUrl. The amounts, and for
 * PayAndShip the address, must repeat what the session holds; the intent and the
 * merchant's other details are applied, then Complete runs as it is, so simulation codes,
 * magic cards and a second call on a Completed session behave exactly as on Complete.
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
  checkRepeatedDetails(session, input);

  if (totalOrderAmount) session.totalOrderAmount = totalOrderAmount;
  session.paymentIntent = input.paymentIntent;
  if (input.canHandlePendingAuthorization !== undefined)
    session.canHandlePendingAuthorization = input.canHandlePendingAuthorization;
  // PayAndShip keeps the address Amazon shared; the request was just checked to repeat it.
  if (input.shippingAddress && session.productType !== 'PayAndShip')
    session.shippingAddress = mergeAddress(session.shippingAddress, input.shippingAddress);
  if (input.billingAddress)
    session.billingAddress = mergeAddress(session.billingAddress ?? session.card?.billingAddress ?? null, input.billingAddress);
  if (input.supplementaryData !== undefined) session.supplementaryData = input.supplementaryData;
  completeCheckoutSession(store, session, { chargeAmount: input.chargeAmount }, simulation);
}
