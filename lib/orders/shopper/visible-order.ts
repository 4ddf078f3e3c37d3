import 'server-only';
import { getSession } from '@/lib/auth';
import { currentShopperTokenHash } from '@/lib/checkout/shopper-token';
import { getDb } from '@/lib/db';
import { isOrderNumber } from '@/lib/ids';
import { findOrderAfterSale, type OrderAfterSale } from './after-sale';
import { canViewOrder, findOrderByNumber, findPlacedOrderNumberForCheckout, type OrderDetail, type OrderViewer } from './queries';

/** Who is asking: this browser's shopper cookie, and the signed-in Amazon buyer if any. */
export async function currentOrderViewer(): Promise<OrderViewer> {
  const [session, shopperTokenHash] = await Promise.all([getSession(), currentShopperTokenHash()]);
  const buyerId = session?.user.role === 'shopper' ? (session.user.buyerId ?? null) : null;
  return { shopperTokenHash, buyerId };
}

/** The order as this visitor may see it: placed in this browser, or by the signed-in Amazon buyer. */
export async function findVisibleOrder(number: string): Promise<OrderDetail | null> {
  if (!isOrderNumber(number)) return null;
  const [order, viewer] = await Promise.all([findOrderByNumber(await getDb(), number), currentOrderViewer()]);
  // Someone else's order looks exactly like no order.
  return order && canViewOrder(order, viewer) ? order : null;
}

/** The number of the order this browser already placed from a checkout session, if any. */
export async function findPlacedCheckoutOrderNumber(checkoutSessionId: string): Promise<string | null> {
  const shopperTokenHash = await currentShopperTokenHash();
  if (!shopperTokenHash) return null;
  return findPlacedOrderNumberForCheckout(await getDb(), checkoutSessionId, shopperTokenHash);
}

/** Refunds and tracking of an order the caller already found with findVisibleOrder. */
export async function visibleOrderAfterSale(order: Pick<OrderDetail, 'id'>): Promise<OrderAfterSale> {
  return findOrderAfterSale(await getDb(), order.id);
}
