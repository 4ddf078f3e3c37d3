import { and, desc, eq, isNull, notExists } from 'drizzle-orm';
import type { AmazonPayClient, CheckoutSession } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import { orders, paymentEvents } from '@/lib/db/schema';
import { NotFoundError, UserFacingError } from '@/lib/errors';
import { fromAmazonPrice, isCurrencyCode } from '@/lib/money';
import { recordPaymentEvent, recordPaymentEventOnce, type PaymentEventInput } from '@/lib/orders/payments/events';
import { cancelAttempt, type OrderRow } from '@/lib/orders/payments/completion';
import { sameAddress } from './apb-address';
import { reshapeAddress } from './reshape';
import { checkoutOwnerTag } from './shopper-token';
import type { ShippingAddress } from './types';

/**
 * The return from Amazon of "Check out with your address" (checkoutResultReturnUrl). Amazon
 * names the checkout session only here, so the return is recorded before Amazon is asked
 * about it: if that question goes unanswered, the resync ties the session to the order and
 * completes it on the shopper's behalf, as it does for the express checkout.
 */

const RETURNED = 'checkout.returned';

/** checkoutResultReturnUrl for an address checkout: the order it pays for, and this browser's owner tag. */
export function addressResultUrl(origin: string, orderNumber: string, shopperTokenHash: string): string {
  const url = new URL(`${origin}/checkout/result`);
  url.searchParams.set('order', orderNumber);
  url.searchParams.set('owner', checkoutOwnerTag(shopperTokenHash));
  return url.toString();
}

/** The session was signed for another order, another browser, or amounts the order no longer holds. */
export class AddressCheckoutMismatchError extends UserFacingError {
  constructor() {
    super(
      'Your order changed after you went to Amazon Pay, so nothing was charged. Please check it and pay again.',
      'checkout_changed',
    );
  }
}

/**
 * The shopper is back with the session the button created: ties it to the order written at
 * the click, once. A second session for the same order (two tabs) is refused, so one order
 * is paid once.
 */
export async function linkAddressCheckout(
  db: Database,
  amazon: AmazonPayClient,
  input: { orderNumber: string; checkoutSessionId: string; shopperTokenHash: string | null },
): Promise<void> {
  const [order] = await db.select().from(orders).where(eq(orders.number, input.orderNumber)).limit(1);
  // Someone else's order looks exactly like no order.
  if (!order || !input.shopperTokenHash || order.browserTokenHash !== input.shopperTokenHash) {
    throw new NotFoundError('We could not find that order. If you paid, it will appear in your account shortly.');
  }
  if (order.checkoutSessionId === input.checkoutSessionId) return;
  if (order.checkoutSessionId || order.status !== 'pending') throw new AddressCheckoutMismatchError();
  // Locked by its order, so a refresh racing this return records it once.
  await db.transaction(async (tx) => {
    await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, order.id)).for('update');
    await recordPaymentEventOnce(tx, {
      orderId: order.id,
      type: RETURNED,
      actor: 'shopper',
      amazonObjectId: input.checkoutSessionId,
    });
  });
  await linkSession(db, amazon, order, input.checkoutSessionId, 'shopper');
}

/**
 * For the resync: the last session the shopper came back with, tied to the order if it still
 * matches. False when there is none to tie (the shopper never came back, or it does not match).
 */
export async function linkReturnedCheckout(db: Database, amazon: AmazonPayClient, order: OrderRow): Promise<boolean> {
  const [returned] = await db
    .select({ checkoutSessionId: paymentEvents.amazonObjectId })
    .from(paymentEvents)
    .where(and(eq(paymentEvents.orderId, order.id), eq(paymentEvents.type, RETURNED)))
    .orderBy(desc(paymentEvents.id))
    .limit(1);
  if (!returned?.checkoutSessionId) return false;
  try {
    await linkSession(db, amazon, order, returned.checkoutSessionId, 'system');
    return true;
  } catch (error) {
    if (error instanceof AddressCheckoutMismatchError) return false;
    throw error;
  }
}

/**
 * Only a session whose signed checkoutResultReturnUrl names this order and its browser, and
 * which holds the order's total and address, is tied to it; completion then charges exactly
 * that total.
 */
async function linkSession(
  db: Database,
  amazon: AmazonPayClient,
  order: OrderRow,
  checkoutSessionId: string,
  actor: PaymentEventInput['actor'],
): Promise<void> {
  const session = await amazon.getCheckoutSession(checkoutSessionId);
  if (!sessionMatchesOrder(session, order)) throw new AddressCheckoutMismatchError();
  const linked = await db.transaction(async (tx) => {
    const changed = await tx
      .update(orders)
      .set({
        checkoutSessionId,
        buyerId: session.buyer?.buyerId ?? null,
        buyerName: session.buyer?.name ?? null,
        buyerEmail: session.buyer?.email ?? null,
        paymentDescriptor: session.paymentPreferences?.[0]?.paymentDescriptor ?? null,
        updatedAt: new Date(),
      })
      .where(and(eq(orders.id, order.id), eq(orders.status, 'pending'), isNull(orders.checkoutSessionId)))
      .returning({ id: orders.id });
    if (changed.length === 0) return false;
    await recordPaymentEvent(tx, {
      orderId: order.id,
      type: 'checkout.session_linked',
      actor,
      amazonObjectId: checkoutSessionId,
      detail: { total: order.totalAmount, currency: order.currency },
    });
    return true;
  });
  if (linked) return;
  // A second tab (or a refresh) linked the same session first: that is this return too.
  const [now] = await db.select({ checkoutSessionId: orders.checkoutSessionId }).from(orders).where(eq(orders.id, order.id));
  if (now?.checkoutSessionId !== checkoutSessionId) throw new AddressCheckoutMismatchError();
}

function sessionMatchesOrder(session: CheckoutSession, order: OrderRow): boolean {
  let named: URLSearchParams;
  try {
    named = new URL(session.webCheckoutDetails?.checkoutResultReturnUrl ?? '').searchParams;
  } catch {
    return false;
  }
  const price = session.paymentDetails?.chargeAmount;
  const charged = price && isCurrencyCode(price.currencyCode) ? fromAmazonPrice(price) : null;
  return (
    session.webCheckoutDetails?.checkoutMode === 'ProcessOrder' &&
    order.browserTokenHash !== null &&
    named.get('order') === order.number &&
    named.get('owner') === checkoutOwnerTag(order.browserTokenHash) &&
    charged !== null &&
    charged.currency === order.currency &&
    charged.amount === order.totalAmount &&
    sameAddress(reshapeAddress(session.shippingAddress), order.shippingAddress as ShippingAddress | null)
  );
}

/**
 * The address checkouts of this cart and browser that the shopper left for the express
 * checkout: written at a click, never returned from Amazon. They end now and give their stock
 * back, in the caller's transaction, before the express order reserves its own, rather than
 * holding it for a session lifetime. A session the shopper might still bring back no longer
 * links (the order is not pending), so Amazon cancels it uncompleted and nothing is charged for
 * it. One the shopper did return with is left to its completion.
 */
export async function endAbandonedAddressCheckouts(tx: Database, cartId: string, shopperTokenHash: string): Promise<number> {
  const abandoned = await tx
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.cartId, cartId),
        eq(orders.browserTokenHash, shopperTokenHash),
        eq(orders.status, 'pending'),
        isNull(orders.checkoutSessionId),
        isNull(orders.completionRequestedAt),
        notExists(
          tx
            .select({ id: paymentEvents.id })
            .from(paymentEvents)
            .where(and(eq(paymentEvents.orderId, orders.id), eq(paymentEvents.type, RETURNED))),
        ),
      ),
    )
    .for('update');
  for (const order of abandoned) await cancelAttempt(tx, order, 'BuyerCanceled', 'shopper');
  return abandoned.length;
}
