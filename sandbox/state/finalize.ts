import type { z } from 'zod';
import type { Money } from '@/lib/money';
import { missingField, SandboxHttpError } from '../http';
import { toMoney, type AddressInput, type finalizeCheckoutSessionSchema } from '../schemas';
import { sharedBillingAddress } from '../serialize';
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

type AddressField = 'shippingAddress' | 'billingAddress';

/**
 * The merchant repeats the address Amazon shared, field by field, so a buyer is never
 * charged for delivery, or billed, at an address they did not choose in their Amazon wallet.
 */
function checkSameAddress(field: AddressField, shared: Address, given: AddressInput | null | undefined): void {
  if (!given) throw missingField(field);
  const lines = Object.keys(EMPTY_ADDRESS) as (keyof Address)[];
  const differing = lines.find((line) => !sameLine(given[line], shared[line]));
  if (differing) {
    throw new SandboxHttpError(
      400,
      'InvalidParameterValue',
      `${field}.${differing} does not match the address the buyer selected in Amazon Pay.`,
    );
  }
}

/** The address Finalize must repeat: PayAndShip's shipping address, PayOnly's billing address as Get Checkout Session shows it. */
function addressToRepeat(session: CheckoutSessionRecord): { field: AddressField; shared: Address } | null {
  if (session.productType === 'PayAndShip' && session.shippingAddress)
    return { field: 'shippingAddress', shared: session.shippingAddress };
  const billing = session.productType === 'PayOnly' ? sharedBillingAddress(session) : null;
  if (billing) return { field: 'billingAddress', shared: billing };
  return null;
}

/**
 * What the Checkout Session holds must be repeated (verify-and-complete-checkout.html):
 * totalOrderAmount and supplementaryData once the session has them, for PayAndShip the
 * shipping address Amazon shared, for PayOnly the billing address.
 */
function checkRepeatedDetails(session: CheckoutSessionRecord, input: FinalizeInput): void {
  if (session.totalOrderAmount && !input.totalOrderAmount) throw missingField('totalOrderAmount');
  if (session.supplementaryData !== null && (input.supplementaryData ?? null) === null) throw missingField('supplementaryData');
  const repeated = addressToRepeat(session);
  if (repeated) checkSameAddress(repeated.field, repeated.shared, input[repeated.field]);
}

/**
 * Finalize (https://developer.amazon.com/docs/amazon-pay-buy-now-checkout/verify-and-complete-checkout.html;
 * Node SDK finalizeCheckoutSession): update and complete in
 * one call, once the buyer is back from amazonPayRedirectUrl. The amounts, and the
 * address Amazon shared, must repeat what the session holds; the intent and the
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
  // An address Amazon shared stays as shared; the request was just checked to repeat it.
  const repeated = addressToRepeat(session)?.field;
  if (input.shippingAddress && repeated !== 'shippingAddress')
    session.shippingAddress = mergeAddress(session.shippingAddress, input.shippingAddress);
  if (input.billingAddress && repeated !== 'billingAddress')
    session.billingAddress = mergeAddress(session.billingAddress ?? session.card?.billingAddress ?? null, input.billingAddress);
  if (input.supplementaryData !== undefined) session.supplementaryData = input.supplementaryData;
  completeCheckoutSession(store, session, { chargeAmount: input.chargeAmount }, simulation);
}
