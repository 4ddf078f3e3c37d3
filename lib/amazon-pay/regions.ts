import type { CurrencyCode } from '@/lib/money';

/**
 * Amazon Pay's regions, each written once: the aliases the official SDKs accept, the API host
 * (https://github.com/amzn/amazon-pay-api-sdk-nodejs/blob/master/src/constants.js), checkout.js,
 * and the ledger currencies a merchant account of the region settles in, each with the checkout
 * language the store shows it in (https://developer.amazon.com/docs/amazon-pay-checkout/add-the-amazon-pay-button.html).
 * Secret-free, so the emulator can resolve the same aliases.
 */
const REGIONS = {
  na: {
    aliases: ['na', 'us'],
    apiHost: 'pay-api.amazon.com',
    checkoutScript: 'https://static-na.payments-amazon.com/checkout.js',
    checkoutFrames: ['https://*.amazon.com', 'https://*.payments-amazon.com'],
    ledgerCurrencies: { USD: { checkoutLanguage: 'en_US' } },
  },
  eu: {
    aliases: ['eu', 'de', 'uk'],
    apiHost: 'pay-api.amazon.eu',
    checkoutScript: 'https://static-eu.payments-amazon.com/checkout.js',
    checkoutFrames: [
      'https://*.amazon.co.uk',
      'https://*.amazon.de',
      'https://*.amazon.fr',
      'https://*.amazon.it',
      'https://*.amazon.es',
      'https://*.amazon.eu',
      'https://*.payments-amazon.com',
    ],
    ledgerCurrencies: { EUR: { checkoutLanguage: 'de_DE' }, GBP: { checkoutLanguage: 'en_GB' } },
  },
  jp: {
    aliases: ['jp'],
    apiHost: 'pay-api.amazon.jp',
    checkoutScript: 'https://static-fe.payments-amazon.com/checkout.js',
    checkoutFrames: ['https://*.amazon.co.jp', 'https://*.payments-amazon.com'],
    ledgerCurrencies: { JPY: { checkoutLanguage: 'ja_JP' } },
  },
} as const satisfies Record<
  string,
  {
    aliases: readonly string[];
    apiHost: string;
    checkoutScript: string;
    /** Where checkout.js's payment and Sign-In with Amazon frames and calls come from. */
    checkoutFrames: readonly string[];
    ledgerCurrencies: Partial<Record<CurrencyCode, { checkoutLanguage: string }>>;
  }
>;

type RegionTable = typeof REGIONS;
export type Region = keyof RegionTable;
export type RegionAlias = RegionTable[Region]['aliases'][number];
export type LedgerCurrency = { [R in Region]: keyof RegionTable[R]['ledgerCurrencies'] }[Region];

const regionEntries = Object.entries(REGIONS) as [Region, RegionTable[Region]][];

export const REGION_NAMES = regionEntries.map(([region]) => region);

export const REGION_ALIASES: readonly RegionAlias[] = regionEntries.flatMap(([, entry]) => entry.aliases);

const REGION_BY_ALIAS = new Map<string, Region>(
  regionEntries.flatMap(([region, entry]) => entry.aliases.map((alias) => [alias, region] as const)),
);

const LEDGER_CURRENCY_TABLE = Object.fromEntries(
  regionEntries.flatMap(([region, entry]) =>
    Object.entries(entry.ledgerCurrencies).map(([currency, { checkoutLanguage }]) => [currency, { region, checkoutLanguage }]),
  ),
) as Record<LedgerCurrency, { region: Region; checkoutLanguage: string }>;

export const LEDGER_CURRENCIES = Object.keys(LEDGER_CURRENCY_TABLE) as [LedgerCurrency, ...LedgerCurrency[]];

/** Case-insensitive: `US`, `de`, `Uk` all resolve. Returns null for an unknown region. */
export function resolveRegion(value: string): Region | null {
  return REGION_BY_ALIAS.get(value.trim().toLowerCase()) ?? null;
}

export function hostForRegion(region: Region): string {
  return REGIONS[region].apiHost;
}

export function checkoutScriptForRegion(region: Region): string {
  return REGIONS[region].checkoutScript;
}

export function checkoutFramesForRegion(region: Region): readonly string[] {
  return REGIONS[region].checkoutFrames;
}

/** A ledger currency belongs to exactly one region. */
export function regionOfLedgerCurrency(currency: LedgerCurrency): Region {
  return LEDGER_CURRENCY_TABLE[currency].region;
}

export function checkoutLanguageFor(currency: LedgerCurrency): string {
  return LEDGER_CURRENCY_TABLE[currency].checkoutLanguage;
}
