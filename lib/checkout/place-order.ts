import { and, eq } from 'drizzle-orm';
import type { AmazonPayClient } from '@/lib/amazon-pay';
import type { Cart } from '@/lib/cart/cart';
import { reserveStock } from '@/lib/catalog/stock';
import type { Database } from '@/lib/db/connection';
import { orderLines, orders } from '@/lib/db/schema';
import { UserFacingError, ValidationError } from '@/lib/errors';
import { formatMoney, money, toAmazonPrice, type Money } from '@/lib/money';
import { recordPaymentEvent } from '@/lib/orders/payments/events';
import { endAbandonedAddressCheckouts } from './apb-return';
import { fulfilmentOf, paymentIntentFor } from './button-payload';
import { cartShips, computeTotals, renewalTotals, type OrderTotals, type ShippingMethod } from './pricing';
import { assertCheckoutOwner } from './checkout-owner';
import { countryName } from './countries';
import { reshapeCheckoutSession } from './reshape';
import { checkoutSnapshot, snapshotTotal } from './snapshot';
import type { CheckoutReview } from './types';

export class CheckoutEndedError extends UserFacingError {
  constructor() {
    super('This Amazon Pay checkout has already ended. Please start again from your cart.', 'checkout_ended');
  }
}

/** The order changed between the review page and Place order: nothing was sent to Amazon. */
export class CheckoutChangedError extends UserFacingError {
  constructor(before: Money | null, now: Money) {
    super(
      before && before.amount !== now.amount
        ? `Your order changed since you reviewed it: the total is now ${formatMoney(now)} instead of ${formatMoney(before)}. Please check it and place the order again.`
        : 'Your order changed since you reviewed it (the cart, a price, the shipping method or the address). Please check it and place the order again.',
      'checkout_changed',
    );
  }
}

export interface CheckoutQuote {
  review: CheckoutReview;
  totals: OrderTotals;
  /** What the shopper confirms by placing the order; see checkoutSnapshot. */
  snapshot: string;
  /** Why the order cannot be placed as it stands, in words for the shopper. */
  problem: string | null;
}

/** Prices the cart for the address Amazon returned; the review page and placeOrder share it. */
export function quoteCheckout(
  cart: Cart,
  review: CheckoutReview,
  options: { shippingMethod: ShippingMethod; shipToCountries: readonly string[] },
): CheckoutQuote {
  const lines = cart.lines.map((line) => ({ kind: line.product.kind, unitPrice: line.product.price, quantity: line.quantity }));
  const ships = cartShips(lines);
  const countryCode = ships ? review.shippingAddress?.countryCode : undefined;
  const totals = computeTotals(lines, cart.currency, { countryCode, method: options.shippingMethod });
  let problem: string | null = null;
  if (cart.lines.length === 0) problem = 'Your cart is empty.';
  else if (!review.buyer) problem = 'Amazon Pay has not confirmed your account yet. Please use the Amazon Pay button again.';
  else if (ships && !review.shippingAddress) problem = 'Choose a shipping address with the Change link.';
  else if (ships && countryCode && !options.shipToCountries.includes(countryCode)) {
    problem = `We don’t ship to ${countryName(countryCode)} yet. Choose an address in ${options.shipToCountries.map(countryName).join(', ')}.`;
  }
  return { review, totals, problem, snapshot: checkoutSnapshot(cart, review, options.shippingMethod, totals) };
}

export interface PlaceOrderInput {
  cart: Cart;
  checkoutSessionId: string;
  shippingMethod: ShippingMethod;
  shipToCountries: readonly string[];
  storeName: string;
  resultUrl: string;
  shopperTokenHash: string;
  /** The snapshot token of the review page the shopper confirmed. */
  confirmedSnapshot: string;
}

export interface PlacedOrder {
  orderNumber: string;
  redirectUrl: string;
}

/**
 * Creates (or refreshes) the pending order for this Amazon checkout session, then
 * tells Amazon the server-computed amounts and where to return. One order per
 * checkout session: a double click or a second tab finds the same row.
 */
export async function placeOrder(db: Database, amazon: AmazonPayClient, input: PlaceOrderInput): Promise<PlacedOrder> {
  const session = await amazon.getCheckoutSession(input.checkoutSessionId);
  const review = reshapeCheckoutSession(session);
  assertCheckoutOwner(review, input.shopperTokenHash);
  if (review.state !== 'Open') throw new CheckoutEndedError();
  const quote = quoteCheckout(input.cart, review, input);
  assertConfirmed(quote, input.confirmedSnapshot);

  const { totals } = quote;
  const pending = pendingOrderValues(input.cart, totals, input.shopperTokenHash);
  const { fulfilment, paymentIntent } = pending;
  const orderValues = {
    ...pending,
    buyerId: review.buyer?.buyerId ?? null,
    buyerName: review.buyer?.name ?? null,
    buyerEmail: review.buyer?.email ?? null,
    shippingAddress: cartShips(input.cart.lines.map((line) => ({ kind: line.product.kind }))) ? review.shippingAddress : null,
    paymentDescriptor: review.paymentDescriptor,
    checkoutSessionId: input.checkoutSessionId,
    shippingMethod: fulfilment === 'digital' ? null : input.shippingMethod,
    chargePermissionType: fulfilment === 'subscription' ? 'Recurring' : 'OneTime',
  } satisfies typeof orders.$inferInsert;

  // A new order is written before Amazon hears of it (Amazon needs its number). A
  // changed order is rewritten only after Amazon accepted the new amounts, so our
  // total never differs from the one the shopper approves on Amazon's pages. A crash
  // in between leaves Amazon holding an amount the order does not record; completion
  // then charges nothing (see completeOrderPayment) and the attempt expires.
  const { order, existed } = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(orders).where(eq(orders.checkoutSessionId, input.checkoutSessionId)).for('update');
    if (
      existing &&
      (existing.status !== 'pending' ||
        existing.browserTokenHash !== input.shopperTokenHash ||
        // The shopper is already back from Amazon in another tab: that amount is being completed.
        existing.completionRequestedAt ||
        existing.chargePermissionId)
    ) {
      throw new CheckoutEndedError();
    }
    if (existing) return { order: existing, existed: true };
    const [row] = await tx
      .insert(orders)
      .values(orderValues)
      .onConflictDoNothing({ target: orders.checkoutSessionId })
      .returning();
    // A racing tab inserted first; it will tell Amazon the same amounts.
    if (!row) throw new CheckoutEndedError();
    // The shopper's own address checkout of this cart gives its units back first.
    await endAbandonedAddressCheckouts(tx, input.cart.id, input.shopperTokenHash);
    // A line that cannot be reserved rolls back the whole order: no row, no Amazon call.
    await reserveStock(tx, row.id, stockLines(input.cart));
    await writeOrderLines(tx, row.id, input.cart);
    await recordPaymentEvent(tx, orderEvent(row.id, 'checkout.order_created', input.checkoutSessionId, totals, paymentIntent));
    return { order: row, existed: false };
  });

  // The amount Amazon shows the shopper as recurring is what every renewal charges.
  const renewal = renewalTotals(
    input.cart.lines.map((line) => ({ kind: line.product.kind, unitPrice: line.product.price, quantity: line.quantity })),
    input.cart.currency,
    { countryCode: review.shippingAddress?.countryCode, method: input.shippingMethod },
  );
  const updated = await amazon.updateCheckoutSession(input.checkoutSessionId, {
    webCheckoutDetails: { checkoutResultReturnUrl: input.resultUrl },
    paymentDetails: {
      paymentIntent,
      canHandlePendingAuthorization: true,
      chargeAmount: toAmazonPrice(totals.total),
      totalOrderAmount: toAmazonPrice(totals.total),
    },
    merchantMetadata: { merchantReferenceId: order.number, merchantStoreName: input.storeName },
    ...(renewal ? { recurringMetadata: { frequency: { unit: 'Month', value: 1 }, amount: toAmazonPrice(renewal.total) } } : {}),
  });
  if (existed) {
    await db.transaction(async (tx) => {
      const changed = await tx
        .update(orders)
        .set(orderValues)
        .where(and(eq(orders.id, order.id), eq(orders.status, 'pending')))
        .returning({ id: orders.id });
      if (changed.length === 0) throw new CheckoutEndedError();
      await endAbandonedAddressCheckouts(tx, input.cart.id, input.shopperTokenHash);
      await reserveStock(tx, order.id, stockLines(input.cart));
      await writeOrderLines(tx, order.id, input.cart);
      await recordPaymentEvent(
        tx,
        orderEvent(order.id, 'checkout.order_updated', input.checkoutSessionId, totals, paymentIntent),
      );
    });
  }
  const redirectUrl = updated.webCheckoutDetails?.amazonPayRedirectUrl;
  if (!redirectUrl) {
    const missing = (updated.constraints ?? []).map((constraint) => constraint.constraintId).join(', ');
    throw new UserFacingError(
      `Amazon Pay could not continue (${missing || 'unknown reason'}). Please try again.`,
      'checkout_constraints',
    );
  }
  return { orderNumber: order.number, redirectUrl };
}

/**
 * Refuses, changing nothing, unless the server's pricing now is what the shopper confirmed;
 * then refuses what the quote says cannot be placed.
 */
export function assertConfirmed(
  quote: { snapshot: string; totals: OrderTotals; problem: string | null },
  confirmedSnapshot: string,
): void {
  if (quote.snapshot !== confirmedSnapshot) {
    const before = snapshotTotal(confirmedSnapshot);
    throw new CheckoutChangedError(before === null ? null : money(before, quote.totals.total.currency), quote.totals.total);
  }
  if (quote.problem) throw new ValidationError(quote.problem);
}

/** The columns every pending order of a cart has, whichever checkout writes it. */
export function pendingOrderValues(cart: Cart, totals: OrderTotals, shopperTokenHash: string) {
  const fulfilment = fulfilmentOf(cart.lines.map((line) => ({ kind: line.product.kind })));
  return {
    cartId: cart.id,
    status: 'pending',
    paymentState: 'none',
    currency: cart.currency,
    subtotalAmount: totals.subtotal.amount,
    shippingAmount: totals.shipping.amount,
    taxAmount: totals.tax.amount,
    totalAmount: totals.total.amount,
    browserTokenHash: shopperTokenHash,
    fulfilment,
    paymentIntent: paymentIntentFor(fulfilment),
    updatedAt: new Date(),
  } satisfies typeof orders.$inferInsert;
}

export function stockLines(cart: Cart) {
  return cart.lines.map((line) => ({ productId: line.product.id, quantity: line.quantity }));
}

export async function writeOrderLines(db: Database, orderId: string, cart: Cart): Promise<void> {
  await db.delete(orderLines).where(eq(orderLines.orderId, orderId));
  await db.insert(orderLines).values(
    cart.lines.map((line) => ({
      orderId,
      productId: line.product.id,
      productSlug: line.product.slug,
      productName: line.product.name,
      kind: line.product.kind,
      unitPriceAmount: line.product.price.amount,
      quantity: line.quantity,
      lineTotalAmount: line.lineTotal.amount,
    })),
  );
}

function orderEvent(orderId: string, type: string, checkoutSessionId: string, totals: OrderTotals, paymentIntent: string) {
  return {
    orderId,
    type,
    actor: 'shopper' as const,
    amazonObjectId: checkoutSessionId,
    detail: { total: totals.total.amount, currency: totals.total.currency, paymentIntent },
  };
}
