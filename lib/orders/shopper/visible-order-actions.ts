import 'server-only';
import { getAmazonPay } from '@/lib/amazon-pay/server';
import { ensureCartId } from '@/lib/cart';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import type { OrderStatus } from '@/lib/orders/status';
import { checkOrderAgain } from './check-again';
import { restoreOrderLines, type RestoredLines } from './pay-again';
import { isProgressFinal, orderProgress } from './progress';
import { findVisibleOrder } from './visible-order';

/** The order page's questions and actions, for the visitor who may see the order (findVisibleOrder). */

export interface VisibleOrderStatus {
  status: OrderStatus;
  /** Nothing more to wait for: the page stops refreshing itself. */
  final: boolean;
}

async function requireVisibleOrder(number: string) {
  const order = await findVisibleOrder(number);
  if (!order) throw new NotFoundError('We could not find that order.');
  return order;
}

/** Read-only: what the database holds now. Never calls Amazon. */
export async function visibleOrderStatus(number: string): Promise<VisibleOrderStatus | null> {
  const order = await findVisibleOrder(number);
  return order ? { status: order.status, final: isProgressFinal(orderProgress(order)) } : null;
}

export async function checkVisibleOrderAgain(number: string): Promise<void> {
  const order = await requireVisibleOrder(number);
  await checkOrderAgain(await getDb(), getAmazonPay(), order.id);
}

/** Server actions only (it may create the cart and its cookie). */
export async function restoreVisibleOrderToCart(number: string): Promise<RestoredLines & { reasonCode: string | null }> {
  const order = await requireVisibleOrder(number);
  const restored = await restoreOrderLines(await getDb(), await ensureCartId(), order);
  return { ...restored, reasonCode: order.lastReasonCode };
}
