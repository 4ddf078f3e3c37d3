import { and, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Cart } from '@/lib/cart/cart';
import { reserveStock } from '@/lib/catalog/stock';
import type { Database } from '@/lib/db/connection';
import { carts, orders } from '@/lib/db/schema';
import { recordPaymentEvent } from '@/lib/orders/payments/events';
import type { OrderRow } from '@/lib/orders/payments/completion';
import { fulfilmentOf } from './button-payload';
import { countryName } from './countries';
import { assertConfirmed, CheckoutEndedError, pendingOrderValues, stockLines, writeOrderLines } from './place-order';
import { computeTotals, type OrderTotals, type ShippingMethod } from './pricing';
import { checkoutSnapshot } from './snapshot';
import type { ShippingAddress } from './types';

/**
 * "Check out with your address": the additional payment button
 * (https://developer.amazon.com/docs/amazon-pay-apb-checkout/additional-payment-button-overview.html).
 * The shopper enters the address on our page, we price it, and the button sends Amazon the
 * address and the total (ProcessOrder). The order is written when the button is clicked,
 * before Amazon hears of it; Amazon names its checkout session only when the shopper comes
 * back, and that return links the two (apb-return.ts).
 */

export interface AddressQuote {
  address: ShippingAddress;
  shippingMethod: ShippingMethod;
  totals: OrderTotals;
  /** What the shopper confirms by clicking the button; see checkoutSnapshot. */
  snapshot: string;
  /** Why this cart cannot be checked out with an address, in words for the shopper. */
  problem: string | null;
}

export function quoteAddressCheckout(
  cart: Cart,
  address: ShippingAddress,
  options: { shippingMethod: ShippingMethod; shipToCountries: readonly string[] },
): AddressQuote {
  const lines = cart.lines.map((line) => ({ kind: line.product.kind, unitPrice: line.product.price, quantity: line.quantity }));
  const fulfilment = fulfilmentOf(lines);
  const totals = computeTotals(lines, cart.currency, { countryCode: address.countryCode, method: options.shippingMethod });
  let problem: string | null = null;
  if (cart.lines.length === 0) problem = 'Your cart is empty.';
  // A subscription needs Amazon's recurring consent, and nothing that ships needs no address:
  // both check out with the Amazon Pay button.
  else if (fulfilment === 'subscription') problem = 'Subscriptions are checked out with the Amazon Pay button.';
  else if (fulfilment === 'digital') problem = 'Nothing in your cart ships: please use the Amazon Pay button.';
  else if (!options.shipToCountries.includes(address.countryCode)) {
    problem = `We don’t ship to ${countryName(address.countryCode)} yet.`;
  }
  const snapshot = checkoutSnapshot(cart, { shippingAddress: address }, options.shippingMethod, totals);
  return { address, shippingMethod: options.shippingMethod, totals, snapshot, problem };
}

export interface AddressOrderInput {
  cart: Cart;
  address: ShippingAddress;
  shippingMethod: ShippingMethod;
  shipToCountries: readonly string[];
  shopperTokenHash: string;
  /** The snapshot token of the totals the shopper saw. */
  confirmedSnapshot: string;
}

/**
 * Writes (or brings up to date) this browser's pending order for the cart, with the lines,
 * the address, the totals and the stock it holds, so it stands before the shopper is sent
 * to Amazon. One such order per cart and browser: a double click, a second tab or coming
 * back to change the address finds the same row, locked by its cart.
 */
export async function placeAddressOrder(db: Database, input: AddressOrderInput): Promise<OrderRow> {
  const quote = quoteAddressCheckout(input.cart, input.address, input);
  assertConfirmed(quote, input.confirmedSnapshot);
  const { totals } = quote;
  const values = {
    ...pendingOrderValues(input.cart, totals, input.shopperTokenHash),
    shippingAddress: input.address,
    shippingMethod: input.shippingMethod,
    chargePermissionType: 'OneTime',
  } satisfies typeof orders.$inferInsert;

  return db.transaction(async (tx) => {
    // Serializes every address checkout of this cart, so two tabs never write two orders.
    await tx.select({ id: carts.id }).from(carts).where(eq(carts.id, input.cart.id)).for('update');
    const ofThisCart = (condition: SQL) =>
      and(
        eq(orders.cartId, input.cart.id),
        eq(orders.browserTokenHash, input.shopperTokenHash),
        eq(orders.status, 'pending'),
        condition,
      );
    const [completing] = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(ofThisCart(isNotNull(orders.completionRequestedAt)))
      .limit(1);
    // Another tab is back from Amazon and completing this cart's payment.
    if (completing) throw new CheckoutEndedError();
    const [existing] = await tx
      .select()
      .from(orders)
      .where(ofThisCart(isNull(orders.checkoutSessionId)))
      .limit(1)
      .for('update');
    let order: OrderRow | undefined;
    if (existing) {
      [order] = await tx.update(orders).set(values).where(eq(orders.id, existing.id)).returning();
    } else {
      [order] = await tx.insert(orders).values(values).returning();
    }
    if (!order) throw new Error('the address checkout order was not written');
    // A line that cannot be reserved rolls back the whole order: no row, no button.
    await reserveStock(tx, order.id, stockLines(input.cart));
    await writeOrderLines(tx, order.id, input.cart);
    await recordPaymentEvent(tx, {
      orderId: order.id,
      type: existing ? 'checkout.order_updated' : 'checkout.order_created',
      actor: 'shopper',
      detail: {
        total: totals.total.amount,
        currency: totals.total.currency,
        paymentIntent: values.paymentIntent,
        checkoutMode: 'ProcessOrder',
      },
    });
    return order;
  });
}
