import { findProductsByIds } from '@/lib/catalog/queries';
import { addToCart, loadCart } from '@/lib/cart/cart';
import type { Database } from '@/lib/db/connection';
import { UserFacingError, ValidationError } from '@/lib/errors';
import { log } from '@/lib/log';
import type { OrderDetail } from './queries';
import { orderProgress } from './progress';

export interface RestoredLines {
  /** Lines now in the cart in at least the order's quantity. */
  restored: number;
  /** Names of products that are gone from the catalog or can no longer be bought this way. */
  unavailable: string[];
}

/**
 * Pay again: puts a declined attempt's lines back into the shopper's cart, so a new
 * Amazon Pay checkout starts from the same items at today's prices and availability
 * (the cart always prices from the catalog). A line already in the cart is topped up to
 * the order's quantity, never added twice, so pressing the button twice changes nothing.
 */
export async function restoreOrderLines(db: Database, cartId: string, order: OrderDetail): Promise<RestoredLines> {
  if (orderProgress(order).kind !== 'declined') {
    throw new ValidationError('This order can no longer be paid again.');
  }
  const products = new Map(
    (
      await findProductsByIds(
        db,
        order.lines.flatMap((line) => (line.productId ? [line.productId] : [])),
      )
    ).map((product) => [product.id, product]),
  );
  const inCart = new Map((await loadCart(db, cartId, order.currency)).lines.map((line) => [line.product.id, line.quantity]));
  const result: RestoredLines = { restored: 0, unavailable: [] };
  for (const line of order.lines) {
    const product = line.productId ? products.get(line.productId) : undefined;
    const missing = line.quantity - (product ? (inCart.get(product.id) ?? 0) : 0);
    if (!product) {
      result.unavailable.push(line.name);
      continue;
    }
    try {
      // By the product's current slug: a renamed product is still the same product.
      if (missing > 0) await addToCart(db, cartId, product.slug, missing);
      result.restored += 1;
    } catch (error) {
      // Retired from sale, or over a limit the catalog has since set: the shopper is told which.
      if (!(error instanceof UserFacingError)) throw error;
      log.info({ context: 'orders.pay-again', product: product.slug, code: error.code }, 'line not restored');
      result.unavailable.push(line.name);
    }
  }
  return result;
}
