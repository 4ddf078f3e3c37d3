import { addMoney, money, multiplyMoney, sumMoney, type CurrencyCode, type Money } from '@/lib/money';
import { productShips, type ProductKind } from '@/lib/catalog/types';

/**
 * The store's shipping and tax rules, deliberately small and written down here so a
 * merchant can read and change them in one place:
 *
 * - Digital goods never ship. A cart that holds anything else ships.
 * - Standard shipping is a flat rate per currency, free once the shipping goods reach
 *   the free-shipping threshold. Express costs more and is never free.
 * - Shipping outside the store's home country adds an international surcharge.
 * - Tax is a rate per destination country on goods plus shipping, rounded half up
 *   to the currency's minor unit. Countries without a rate are not taxed.
 */

interface ShippingRates {
  standard: number;
  express: number;
  freeStandardFrom: number;
  internationalSurcharge: number;
  homeCountry: string;
}

const SHIPPING_RATES: Record<'USD' | 'EUR' | 'GBP' | 'JPY', ShippingRates> = {
  USD: { standard: 595, express: 1495, freeStandardFrom: 7500, internationalSurcharge: 1200, homeCountry: 'US' },
  EUR: { standard: 495, express: 1295, freeStandardFrom: 6500, internationalSurcharge: 1000, homeCountry: 'DE' },
  GBP: { standard: 395, express: 995, freeStandardFrom: 6000, internationalSurcharge: 900, homeCountry: 'GB' },
  JPY: { standard: 800, express: 1800, freeStandardFrom: 10000, internationalSurcharge: 1600, homeCountry: 'JP' },
};

/** Percent, in basis points (1% = 100). */
const TAX_RATE_BASIS_POINTS: Record<string, number> = {
  US: 725,
  CA: 500,
  GB: 2000,
  DE: 1900,
  FR: 2000,
  JP: 1000,
};

export type ShippingMethod = 'standard' | 'express';

export const SHIPPING_METHOD_LABELS: Record<ShippingMethod, string> = {
  standard: 'Standard (3–5 business days)',
  express: 'Express (1–2 business days)',
};

export interface PricedLine {
  kind: ProductKind;
  unitPrice: Money;
  quantity: number;
}

export interface ShippingOption {
  method: ShippingMethod;
  label: string;
  price: Money;
}

export interface OrderTotals {
  subtotal: Money;
  shipping: Money;
  tax: Money;
  total: Money;
}

function ratesFor(currency: CurrencyCode): ShippingRates {
  const rates = SHIPPING_RATES[currency as keyof typeof SHIPPING_RATES];
  if (!rates) throw new Error(`No shipping rates for ${currency}`);
  return rates;
}

export function subtotalOf(lines: readonly PricedLine[], currency: CurrencyCode): Money {
  return sumMoney(
    lines.map((line) => multiplyMoney(line.unitPrice, line.quantity)),
    currency,
  );
}

export function cartShips(lines: readonly Pick<PricedLine, 'kind'>[]): boolean {
  return lines.some((line) => productShips(line.kind));
}

function shippedGoodsOf(lines: readonly PricedLine[], currency: CurrencyCode): Money {
  return subtotalOf(
    lines.filter((line) => productShips(line.kind)),
    currency,
  );
}

export interface FreeShippingHint {
  /** Goods that ship, from this amount on, ship free by standard (the international surcharge still applies). */
  threshold: Money;
  /** How much more of goods that ship the cart needs; zero once it qualifies. */
  remaining: Money;
}

/** The cart's way to free standard shipping; null when nothing in it ships. */
export function freeShippingHint(lines: readonly PricedLine[], currency: CurrencyCode): FreeShippingHint | null {
  if (!cartShips(lines)) return null;
  const threshold = ratesFor(currency).freeStandardFrom;
  const shipped = shippedGoodsOf(lines, currency).amount;
  return { threshold: money(threshold, currency), remaining: money(Math.max(0, threshold - shipped), currency) };
}

export function shippingOptions(lines: readonly PricedLine[], currency: CurrencyCode, countryCode?: string): ShippingOption[] {
  if (!cartShips(lines)) return [];
  const rates = ratesFor(currency);
  const shippedGoods = shippedGoodsOf(lines, currency);
  const surcharge = countryCode && countryCode !== rates.homeCountry ? rates.internationalSurcharge : 0;
  const standardBase = shippedGoods.amount >= rates.freeStandardFrom ? 0 : rates.standard;
  return [
    { method: 'standard', label: SHIPPING_METHOD_LABELS.standard, price: money(standardBase + surcharge, currency) },
    { method: 'express', label: SHIPPING_METHOD_LABELS.express, price: money(rates.express + surcharge, currency) },
  ];
}

export function taxRateBasisPoints(countryCode: string | undefined): number {
  return countryCode ? (TAX_RATE_BASIS_POINTS[countryCode] ?? 0) : 0;
}

/** Rounds half up; integer arithmetic only, so no binary-fraction surprises. */
export function applyRate(amount: Money, basisPoints: number): Money {
  return money(Math.floor((amount.amount * basisPoints + 5_000) / 10_000), amount.currency);
}

export function computeTotals(
  lines: readonly PricedLine[],
  currency: CurrencyCode,
  destination: { countryCode?: string; method?: ShippingMethod } = {},
): OrderTotals {
  const subtotal = subtotalOf(lines, currency);
  const options = shippingOptions(lines, currency, destination.countryCode);
  const chosen = options.find((option) => option.method === (destination.method ?? 'standard')) ?? options[0];
  const shipping = chosen ? chosen.price : money(0, currency);
  const tax = applyRate(addMoney(subtotal, shipping), taxRateBasisPoints(destination.countryCode));
  return { subtotal, shipping, tax, total: addMoney(addMoney(subtotal, shipping), tax) };
}

/** What the cart page shows before the shopper has chosen an address: standard, home country. */
export function estimateShipping(lines: readonly PricedLine[], currency: CurrencyCode): Money {
  const [standard] = shippingOptions(lines, currency);
  return standard ? standard.price : money(0, currency);
}

/**
 * What every renewal of a subscription charges: its subscription lines alone, shipped and
 * taxed to the order's destination by the rules above, exactly as checkout priced them.
 * Checkout tells Amazon this as the recurring amount the shopper agrees to, and each
 * renewal charges it, so the two never differ. Null when nothing renews.
 */
export function renewalTotals(
  lines: readonly PricedLine[],
  currency: CurrencyCode,
  destination: { countryCode?: string; method?: ShippingMethod } = {},
): OrderTotals | null {
  const renewing = lines.filter((line) => line.kind === 'subscription');
  return renewing.length === 0 ? null : computeTotals(renewing, currency, destination);
}
