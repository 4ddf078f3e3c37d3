'use server';

import { z } from 'zod';
import { failure } from '@/lib/action-result';
import type { SignedButtonResult } from '@/lib/amazon-pay/server';
import { addressFormSchema, type AddressFormField } from '@/lib/checkout/apb-address';
import { priceShopperAddress, signShopperAddressButton } from '@/lib/checkout/apb-shopper';
import { limitCheckoutAttempts } from '@/lib/checkout/checkout-limits';
import { SNAPSHOT_PATTERN } from '@/lib/checkout/snapshot';
import { getConfig } from '@/lib/config';
import { inActionScope } from '@/lib/request-log';
import type { AddressCheckoutState } from './address-state';

const FIELDS = [
  'name',
  'addressLine1',
  'addressLine2',
  'city',
  'stateOrRegion',
  'postalCode',
  'countryCode',
  'phoneNumber',
  'shippingMethod',
] as const satisfies readonly AddressFormField[];

/** The form's text as typed, so a refused form keeps it; anything that is not text is dropped. */
function valuesOf(formData: unknown): Record<string, string> {
  return Object.fromEntries(
    FIELDS.map((field) => {
      // A server action can be called with anything, not only the form it was written for.
      const value = formData instanceof FormData ? formData.get(field) : null;
      return [field, typeof value === 'string' ? value.slice(0, 400) : ''];
    }),
  );
}

/**
 * Prices the cart for the address entered: field errors when it is not one we can ship to,
 * else the server's totals and the button that pays them. The cart cookie says whose cart.
 */
export async function priceAddressAction(_previous: AddressCheckoutState, formData: FormData): Promise<AddressCheckoutState> {
  const values = valuesOf(formData);
  const parsed = addressFormSchema(getConfig().store.shipToCountries).safeParse(values);
  if (!parsed.success) {
    return {
      values,
      errors: z.flattenError(parsed.error).fieldErrors,
      message: 'Please check the highlighted fields.',
    };
  }
  return inActionScope(async () => {
    try {
      const quote = await priceShopperAddress(parsed.data);
      return { values, quote: { ...quote, form: parsed.data } };
    } catch (error) {
      return { values, message: failure(error, 'checkout.price-address').message };
    }
  });
}

const signSchema = z.object({
  form: z.unknown(),
  confirmedSnapshot: z.string().regex(SNAPSHOT_PATTERN, 'Please enter your address again.'),
});

/** The button's click: writes the order for the totals shown, then signs the payload that pays it. */
export async function signAddressButtonAction(input: z.input<typeof signSchema>): Promise<SignedButtonResult> {
  const parsed = signSchema.safeParse(input);
  const form = addressFormSchema(getConfig().store.shipToCountries).safeParse(parsed.data?.form);
  if (!parsed.success || !form.success) return { ok: false, message: 'Please enter your address again.' };
  return inActionScope(async () => {
    try {
      await limitCheckoutAttempts('sign-button');
      return { ok: true as const, config: await signShopperAddressButton(form.data, parsed.data.confirmedSnapshot) };
    } catch (error) {
      return failure(error, 'checkout.sign-address-button');
    }
  });
}
