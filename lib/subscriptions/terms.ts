import { eq } from 'drizzle-orm';
import type { Cart } from '@/lib/cart/cart';
import { renewalTotals, type PricedLine, type ShippingMethod } from '@/lib/checkout/pricing';
import type { Database } from '@/lib/db/connection';
import { orders } from '@/lib/db/schema';
import type { CurrencyCode, Money } from '@/lib/money';
import { nextRenewal } from '@/lib/orders/payments/renewal';

/**
 * What a shopper agrees to when buying a subscription: Amazon Pay asks the merchant to state
 * the recurring amount, its frequency, when the next charge falls and how to cancel
 * (https://developer.amazon.com/docs/amazon-pay-checkout/multi-use-payments.html).
 */
export interface RecurringTerms {
  /** What each monthly renewal charges: the subscription lines, shipped and taxed. */
  amount: Money;
  /** The day of the next charge once the order exists; null before purchase (one month after the order). */
  nextChargeAt: Date | null;
  /** True before an address is chosen (no destination given): standard home-country shipping, tax still to come. */
  estimated: boolean;
}

/** The terms before purchase, for the product page and the cart (no destination) and the review page (with one). */
export function recurringTermsBeforePurchase(
  lines: readonly PricedLine[],
  currency: CurrencyCode,
  destination?: { countryCode?: string; method?: ShippingMethod },
): RecurringTerms | null {
  const totals = renewalTotals(lines, currency, destination ?? {});
  return totals ? { amount: totals.total, nextChargeAt: null, estimated: destination === undefined } : null;
}

/** The terms of what the cart holds, priced as checkout prices it. */
export function recurringTermsForCart(
  cart: Pick<Cart, 'lines' | 'currency'>,
  destination?: { countryCode?: string; method?: ShippingMethod },
): RecurringTerms | null {
  const lines = cart.lines.map((line) => ({ kind: line.product.kind, unitPrice: line.product.price, quantity: line.quantity }));
  return recurringTermsBeforePurchase(lines, cart.currency, destination);
}

/** The terms of a placed subscription order, or null when it has nothing left to renew. */
export async function recurringTermsForOrder(db: Database, orderId: string): Promise<RecurringTerms | null> {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId)).limit(1);
  if (!order) return null;
  const next = await nextRenewal(db, order);
  return next ? { amount: next.amount, nextChargeAt: next.dueAt, estimated: false } : null;
}
