import { z } from 'zod';
import type { AddressInput } from '@/lib/amazon-pay';
import { textInput } from '@/lib/text-input';
import { countryName } from './countries';
import type { ShippingAddress } from './types';

/**
 * The address a shopper types on our checkout, sent to Amazon as the additional payment
 * button's addressDetails. The lengths are Amazon's Address field limits
 * (https://developer.amazon.com/docs/amazon-pay-api-v2/checkout-session.html#type-address):
 * name 50, each address line 180, city, county and state 50, postal code 20, phone 20.
 */
const required = (max: number, missing: string) =>
  textInput(max)
    .transform((value) => value.trim())
    .pipe(z.string().min(1, missing));
const optional = (max: number) => textInput(max).transform((value) => value.trim());

export function addressFormSchema(shipToCountries: readonly string[]) {
  return z.object({
    name: required(50, 'Enter the name of the person receiving the parcel.'),
    addressLine1: required(180, 'Enter the street and house number.'),
    addressLine2: optional(180),
    city: required(50, 'Enter the town or city.'),
    stateOrRegion: optional(50),
    postalCode: required(20, 'Enter the postal code.').pipe(
      z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, 'Use letters, digits, spaces and hyphens only.'),
    ),
    countryCode: textInput(2, 'Choose a country from the list.').pipe(
      z.string().refine((code) => shipToCountries.includes(code), {
        message: `We ship to ${shipToCountries.map(countryName).join(', ')}.`,
      }),
    ),
    phoneNumber: required(20, 'Enter a phone number for the courier.').pipe(
      z.string().regex(/^\+?[0-9][0-9 ()/-]{3,}$/, 'Use digits, spaces and + ( ) - / only.'),
    ),
    shippingMethod: z.enum(['standard', 'express']).catch('standard'),
  });
}

export type AddressForm = z.output<ReturnType<typeof addressFormSchema>>;
export type AddressFormField = keyof AddressForm;

export function shippingAddressOf(form: AddressForm): ShippingAddress {
  return {
    name: form.name,
    lines: [form.addressLine1, form.addressLine2].filter((line) => line.length > 0),
    city: form.city,
    stateOrRegion: form.stateOrRegion,
    postalCode: form.postalCode,
    countryCode: form.countryCode,
    phoneNumber: form.phoneNumber,
  };
}

/** The form's fields again, for a form that shows the address it was sent (e.g. "Change address"). */
export function addressFormValues(address: ShippingAddress): Record<string, string> {
  return {
    name: address.name,
    addressLine1: address.lines[0] ?? '',
    addressLine2: address.lines.slice(1).join(', '),
    city: address.city,
    stateOrRegion: address.stateOrRegion,
    postalCode: address.postalCode,
    countryCode: address.countryCode,
    phoneNumber: address.phoneNumber ?? '',
  };
}

/** Our address as Amazon's addressDetails; empty fields are left out rather than sent empty. */
export function addressDetailsOf(address: ShippingAddress): AddressInput {
  const [addressLine1, addressLine2, addressLine3] = address.lines;
  const details: AddressInput = {
    name: address.name,
    addressLine1,
    addressLine2,
    addressLine3,
    city: address.city,
    stateOrRegion: address.stateOrRegion,
    postalCode: address.postalCode,
    countryCode: address.countryCode,
    phoneNumber: address.phoneNumber ?? undefined,
  };
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value)) as AddressInput;
}

/** Two addresses are the same delivery when every field the parcel label shows is the same. */
export function sameAddress(a: ShippingAddress | null, b: ShippingAddress | null): boolean {
  if (!a || !b) return false;
  return JSON.stringify(addressFormValues(a)) === JSON.stringify(addressFormValues(b));
}
