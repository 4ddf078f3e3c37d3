import type { Address, PaymentCard, TestBuyer } from './state/types';

/**
 * Sandbox test buyers. Card endings follow Amazon's simulated wallet cards
 * (https://developer.amazon.com/docs/amazon-pay-checkout/sandbox-simulations.html): 1111/0005/4444 happy path, 3064
 * BuyerCanceled, 3434 Declined,
 * 0701 pending then Authorized, 4354 pending then Declined.
 */
function address(
  fields: Partial<Address> & Pick<Address, 'name' | 'addressLine1' | 'city' | 'postalCode' | 'countryCode'>,
): Address {
  return {
    addressLine2: null,
    addressLine3: null,
    county: null,
    district: null,
    stateOrRegion: null,
    phoneNumber: null,
    ...fields,
  };
}

function card(id: string, brand: string, last4: string, billingAddress: Address): PaymentCard {
  return { id, brand, last4, expiry: '12/2030', billingAddress };
}

const janeHome = address({
  name: 'Jane Doe',
  addressLine1: '410 Terry Ave N',
  city: 'Seattle',
  stateOrRegion: 'WA',
  postalCode: '98109',
  countryCode: 'US',
  phoneNumber: '+1 206 555 0100',
});
const janeWork = address({
  name: 'Jane Doe',
  addressLine1: '1 Market St',
  city: 'San Francisco',
  stateOrRegion: 'CA',
  postalCode: '94105',
  countryCode: 'US',
  phoneNumber: '+1 415 555 0101',
});
const janePoBox = address({
  name: 'Jane Doe',
  addressLine1: 'PO Box 1234',
  city: 'Anchorage',
  stateOrRegion: 'AK',
  postalCode: '99501',
  countryCode: 'US',
});
const janeCanada = address({
  name: 'Jane Doe',
  addressLine1: '100 Queen St W',
  city: 'Toronto',
  stateOrRegion: 'ON',
  postalCode: 'M5H 2N2',
  countryCode: 'CA',
});

const maxHome = address({
  name: 'Max Mustermann',
  addressLine1: 'Unter den Linden 1',
  city: 'Berlin',
  postalCode: '10117',
  countryCode: 'DE',
  phoneNumber: '+49 30 1234567',
});
const maxPackstation = address({
  name: 'Max Mustermann',
  addressLine1: 'Packstation 105',
  addressLine2: '12345678',
  city: 'München',
  postalCode: '80331',
  countryCode: 'DE',
});
const maxVienna = address({
  name: 'Max Mustermann',
  addressLine1: 'Stephansplatz 1',
  city: 'Wien',
  postalCode: '1010',
  countryCode: 'AT',
});
const maxParis = address({
  name: 'Max Mustermann',
  addressLine1: '5 Avenue Anatole France',
  city: 'Paris',
  postalCode: '75007',
  countryCode: 'FR',
});

const oliviaLondon = address({
  name: 'Olivia Smith',
  addressLine1: '10 Downing Street',
  city: 'London',
  postalCode: 'SW1A 2AA',
  countryCode: 'GB',
  phoneNumber: '+44 20 7946 0000',
});
const oliviaDublin = address({
  name: 'Olivia Smith',
  addressLine1: '1 College Green',
  city: 'Dublin',
  postalCode: 'D02 HF40',
  countryCode: 'IE',
});
const oliviaTokyo = address({
  name: 'Olivia Smith',
  addressLine1: '1-1 Chiyoda',
  city: 'Chiyoda-ku',
  stateOrRegion: 'Tokyo',
  postalCode: '100-0001',
  countryCode: 'JP',
});

export const TEST_BUYERS: readonly TestBuyer[] = [
  {
    buyerId: 'amzn1.account.SANDBOXBUYERJANEDOE0000000001',
    name: 'Jane Doe',
    email: 'jane.doe@example.com',
    phoneNumber: '+1 206 555 0100',
    primeMembershipTypes: ['Prime'],
    addresses: [janeHome, janeWork, janePoBox, janeCanada],
    cards: [
      card('jane-visa-1111', 'Visa', '1111', janeHome),
      card('jane-visa-3064', 'Visa', '3064', janeHome),
      card('jane-mc-3434', 'Mastercard', '3434', janeHome),
      card('jane-visa-0701', 'Visa', '0701', janeHome),
      card('jane-amex-4354', 'American Express', '4354', janeHome),
    ],
  },
  {
    buyerId: 'amzn1.account.SANDBOXBUYERMAXMUSTERMANN002',
    name: 'Max Mustermann',
    email: 'max.mustermann@example.de',
    phoneNumber: '+49 30 1234567',
    primeMembershipTypes: [],
    addresses: [maxHome, maxPackstation, maxVienna, maxParis],
    cards: [
      card('max-mc-0005', 'Mastercard', '0005', maxHome),
      card('max-visa-3434', 'Visa', '3434', maxHome),
      card('max-visa-0701', 'Visa', '0701', maxHome),
    ],
  },
  {
    buyerId: 'amzn1.account.SANDBOXBUYEROLIVIASMITH00003',
    name: 'Olivia Smith',
    email: 'olivia.smith@example.co.uk',
    phoneNumber: '+44 20 7946 0000',
    primeMembershipTypes: ['Prime'],
    addresses: [oliviaLondon, oliviaDublin, oliviaTokyo],
    cards: [
      card('olivia-visa-4444', 'Visa', '4444', oliviaLondon),
      card('olivia-mc-4354', 'Mastercard', '4354', oliviaLondon),
      card('olivia-visa-3064', 'Visa', '3064', oliviaLondon),
    ],
  },
];

export function findBuyer(buyerId: string): TestBuyer | undefined {
  return TEST_BUYERS.find((buyer) => buyer.buyerId === buyerId);
}

/** Short id used in hosted-page element ids and the `buyer` query parameter: jane, max, olivia. */
export function buyerSlug(buyer: TestBuyer): string {
  return buyer.name.split(' ')[0]?.toLowerCase() ?? buyer.buyerId;
}

export function findBuyerBySlug(slug: string): TestBuyer | undefined {
  return TEST_BUYERS.find((buyer) => buyerSlug(buyer) === slug);
}

interface Restriction {
  statesOrRegions?: string[];
  zipCodes?: string[];
}

interface DeliverySpecifications {
  specialRestrictions?: string[];
  addressRestrictions?: { type?: string; restrictions?: Record<string, Restriction> };
}

function isDeliverySpecifications(value: unknown): value is DeliverySpecifications {
  return typeof value === 'object' && value !== null;
}

function matchesRestriction(addr: Address, restriction: Restriction): boolean {
  const states = restriction.statesOrRegions ?? [];
  const zips = restriction.zipCodes ?? [];
  if (states.length === 0 && zips.length === 0) return true;
  const state = addr.stateOrRegion?.toUpperCase() ?? '';
  return (
    states.some((s) => s.toUpperCase() === state) ||
    zips.some((zip) => zip.replace(/\s/g, '') === addr.postalCode.replace(/\s/g, ''))
  );
}

/**
 * DeliverySpecifications (https://developer.amazon.com/docs/amazon-pay-api-v2/checkout-session.html): `Allowed` lists
 * the only countries (and
 * optionally states/zips) the merchant ships to; `NotAllowed` excludes them.
 * RestrictPOBoxes / RestrictPackstations drop those addresses.
 */
export function isAddressAllowed(addr: Address, specs: unknown): boolean {
  if (!isDeliverySpecifications(specs)) return true;
  const special = specs.specialRestrictions ?? [];
  if (special.includes('RestrictPOBoxes') && /\bP\.?\s?O\.?\s*Box\b/i.test(addr.addressLine1)) return false;
  if (special.includes('RestrictPackstations') && /packstation/i.test(`${addr.addressLine1} ${addr.addressLine2 ?? ''}`))
    return false;
  const restrictions = specs.addressRestrictions;
  if (!restrictions?.restrictions) return true;
  const entry = restrictions.restrictions[addr.countryCode];
  if (restrictions.type === 'Allowed') return entry !== undefined && matchesRestriction(addr, entry);
  if (restrictions.type === 'NotAllowed') return entry === undefined || !matchesRestriction(addr, entry);
  return true;
}
