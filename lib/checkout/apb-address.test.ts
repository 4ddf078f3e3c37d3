import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addressDetailsOf, addressFormSchema, sameAddress, shippingAddressOf } from './apb-address';

const schema = addressFormSchema(['US', 'CA', 'DE']);
const valid = {
  name: '  Ada Lovelace ',
  addressLine1: '12 Analytical Way',
  addressLine2: '',
  city: 'Portland',
  stateOrRegion: 'OR',
  postalCode: '97201',
  countryCode: 'US',
  phoneNumber: '+1 503 555 0100',
  shippingMethod: 'express',
};
const errorsFor = (input: Record<string, unknown>) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

describe('the address form', () => {
  it('accepts an address in a ship-to country, trimmed, with the chosen delivery', () => {
    const parsed = schema.parse(valid);
    expect(parsed).toMatchObject({ name: 'Ada Lovelace', shippingMethod: 'express' });
    expect(shippingAddressOf(parsed)).toEqual({
      name: 'Ada Lovelace',
      lines: ['12 Analytical Way'],
      city: 'Portland',
      stateOrRegion: 'OR',
      postalCode: '97201',
      countryCode: 'US',
      phoneNumber: '+1 503 555 0100',
    });
  });

  it('names each missing field', () => {
    expect(
      Object.keys(errorsFor({ ...valid, name: ' ', addressLine1: '', city: '', postalCode: '', phoneNumber: '' })).sort(),
    ).toEqual(['addressLine1', 'city', 'name', 'phoneNumber', 'postalCode']);
  });

  it('refuses countries the store does not ship to, and codes that are not countries', () => {
    expect(errorsFor({ ...valid, countryCode: 'FR' }).countryCode).toEqual(['We ship to United States, Canada, Germany.']);
    expect(errorsFor({ ...valid, countryCode: '' }).countryCode).toHaveLength(1);
    expect(errorsFor({ ...valid, countryCode: 'USA' }).countryCode).toHaveLength(1);
  });

  it('refuses NUL bytes and strings longer than Amazon keeps', () => {
    expect(errorsFor({ ...valid, city: 'Port\0land' }).city).toEqual(['Remove the invisible characters.']);
    expect(errorsFor({ ...valid, name: 'x'.repeat(51) }).name).toEqual(['At most 50 characters.']);
    expect(errorsFor({ ...valid, addressLine2: 'x'.repeat(181) }).addressLine2).toEqual(['At most 180 characters.']);
    expect(errorsFor({ ...valid, postalCode: '9'.repeat(21) }).postalCode).toEqual(['At most 20 characters.']);
  });

  it('refuses a postal code or phone number with characters no label prints', () => {
    expect(errorsFor({ ...valid, postalCode: '97201<' }).postalCode).toHaveLength(1);
    expect(errorsFor({ ...valid, phoneNumber: 'call me' }).phoneNumber).toHaveLength(1);
  });

  it('falls back to standard delivery for an unknown method', () => {
    expect(schema.parse({ ...valid, shippingMethod: 'teleport' }).shippingMethod).toBe('standard');
  });
});

describe('addressDetailsOf', () => {
  it('sends Amazon the entered address and leaves empty fields out', () => {
    const address = shippingAddressOf(schema.parse({ ...valid, addressLine2: 'Unit 3', stateOrRegion: '' }));
    expect(addressDetailsOf(address)).toEqual({
      name: 'Ada Lovelace',
      addressLine1: '12 Analytical Way',
      addressLine2: 'Unit 3',
      city: 'Portland',
      postalCode: '97201',
      countryCode: 'US',
      phoneNumber: '+1 503 555 0100',
    });
  });

  it('tells a changed delivery from the same one', () => {
    const address = shippingAddressOf(schema.parse(valid));
    expect(sameAddress(address, { ...address })).toBe(true);
    expect(sameAddress(address, { ...address, postalCode: '97202' })).toBe(false);
    expect(sameAddress(address, null)).toBe(false);
  });
});
