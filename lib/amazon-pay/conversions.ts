import { fromAmazonPrice, toAmazonPrice, type AmazonPrice, type Money } from '@/lib/money';
import { parseAmazonTimestamp } from './signing';

/**
 * The edge between Amazon's shapes and ours. Money conversion is lib/money.ts's
 * job; these only name it for callers of the Amazon Pay client.
 */

export function priceToMoney(price: { amount: string; currencyCode: string }): Money {
  return fromAmazonPrice(price);
}

export function moneyToPrice(value: Money): AmazonPrice {
  return toAmazonPrice(value);
}

export class InvalidAmazonTimestampError extends Error {
  override readonly name = 'InvalidAmazonTimestampError';
}

/** Like parseAmazonTimestamp, for fields that must hold a date: throws rather than returning null. */
export function requireAmazonTimestamp(value: string): Date {
  const date = parseAmazonTimestamp(value);
  if (!date) throw new InvalidAmazonTimestampError(`"${value.slice(0, 40)}" is not an Amazon timestamp`);
  return date;
}
