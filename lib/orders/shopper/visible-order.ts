import 'server-only';
import { getSession } from '@/lib/auth';
import { currentShopperTokenHash } from '@/lib/checkout/shopper-token';
import { getDb } from '@/lib/db';
import { isOrderNumber } from '@/lib/ids';
import { canViewOrder, findOrderByNumber, type OrderDetail } from './queries';

/** The order as this visitor may see it: placed in this browser, or by the signed-in Amazon buyer. */
export async function findVisibleOrder(number: string): Promise<OrderDetail | null> {
  if (!isOrderNumber(number)) return null;
  const [order, session, shopperTokenHash] = await Promise.all([
    findOrderByNumber(await getDb(), number),
    getSession(),
    currentShopperTokenHash(),
  ]);
  const buyerId = session?.user.role === 'shopper' ? (session.user.buyerId ?? null) : null;
  // Someone else's order looks exactly like no order.
  return order && canViewOrder(order, { shopperTokenHash, buyerId }) ? order : null;
}
