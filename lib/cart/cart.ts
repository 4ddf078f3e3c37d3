import { and, asc, count, eq } from 'drizzle-orm';
import { findActiveProductBySlug, toProduct } from '@/lib/catalog/queries';
import { assertInStock } from '@/lib/catalog/stock';
import type { Product } from '@/lib/catalog/types';
import type { Database } from '@/lib/db/connection';
import { cartLines, carts, products } from '@/lib/db/schema';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { money, multiplyMoney, type CurrencyCode, type Money } from '@/lib/money';
import { cartShips, estimateShipping, subtotalOf } from '@/lib/checkout/pricing';
import { MAX_LINES_PER_CART, maxQuantityFor } from './limits';

export interface CartLine {
  id: string;
  product: Product;
  quantity: number;
  maxQuantity: number;
  lineTotal: Money;
}

export interface Cart {
  id: string;
  currency: CurrencyCode;
  lines: CartLine[];
  itemCount: number;
  subtotal: Money;
  estimatedShipping: Money;
  ships: boolean;
}

/**
 * The cart as the browser may see it. The id is the cart's whole authorization (whoever
 * holds it in the cookie owns the cart), so it stays in the httpOnly cookie and never
 * travels in a page's props or payload.
 */
export type BrowserCart = Omit<Cart, 'id'>;

export function browserCart({ id: _id, ...cart }: Cart): BrowserCart {
  return cart;
}

export function emptyCart(id: string, currency: CurrencyCode): Cart {
  return {
    id,
    currency,
    lines: [],
    itemCount: 0,
    subtotal: money(0, currency),
    estimatedShipping: money(0, currency),
    ships: false,
  };
}

export async function createCart(db: Database, currency: CurrencyCode): Promise<string> {
  const [row] = await db.insert(carts).values({ currency }).returning({ id: carts.id });
  if (!row) throw new Error('Could not create a cart');
  return row.id;
}

/**
 * A cart of its own holding one line, for "buy now": the checkout pays for exactly this
 * product and quantity, and the shopper's main cart is neither read nor changed.
 */
export async function createSingleLineCart(
  db: Database,
  currency: CurrencyCode,
  slug: string,
  quantity: number,
): Promise<string> {
  const cartId = await createCart(db, currency);
  try {
    await addToCart(db, cartId, slug, quantity);
  } catch (error) {
    await db.delete(carts).where(eq(carts.id, cartId));
    throw error;
  }
  return cartId;
}

export async function cartExists(db: Database, cartId: string): Promise<boolean> {
  const [row] = await db.select({ id: carts.id }).from(carts).where(eq(carts.id, cartId)).limit(1);
  return row !== undefined;
}

export async function loadCart(db: Database, cartId: string, currency: CurrencyCode): Promise<Cart> {
  const rows = await db
    .select({ line: cartLines, product: products })
    .from(cartLines)
    .innerJoin(products, eq(products.id, cartLines.productId))
    .where(eq(cartLines.cartId, cartId))
    .orderBy(asc(cartLines.createdAt), asc(cartLines.id));
  const lines: CartLine[] = rows.map(({ line, product }) => {
    const p = toProduct(product);
    return {
      id: line.id,
      product: p,
      quantity: line.quantity,
      maxQuantity: maxQuantityFor(p.kind),
      lineTotal: multiplyMoney(p.price, line.quantity),
    };
  });
  const priced = lines.map((line) => ({ kind: line.product.kind, unitPrice: line.product.price, quantity: line.quantity }));
  return {
    id: cartId,
    currency,
    lines,
    itemCount: lines.reduce((total, line) => total + line.quantity, 0),
    subtotal: subtotalOf(priced, currency),
    estimatedShipping: estimateShipping(priced, currency),
    ships: cartShips(priced),
  };
}

async function lockCart(tx: Database, cartId: string): Promise<void> {
  // Row lock: two tabs adding at once must not both pass the quantity check.
  const locked = await tx.select({ id: carts.id }).from(carts).where(eq(carts.id, cartId)).for('update');
  if (locked.length === 0) throw new NotFoundError('Your cart has expired. Please add the item again.');
}

export async function addToCart(db: Database, cartId: string, slug: string, quantity: number): Promise<void> {
  const product = await findActiveProductBySlug(db, slug);
  if (!product) throw new NotFoundError('That product is no longer available.');
  const limit = maxQuantityFor(product.kind);
  await db.transaction(async (tx) => {
    await lockCart(tx, cartId);
    const [existing] = await tx
      .select({ id: cartLines.id, quantity: cartLines.quantity })
      .from(cartLines)
      .where(and(eq(cartLines.cartId, cartId), eq(cartLines.productId, product.id)));
    const wanted = (existing?.quantity ?? 0) + quantity;
    if (wanted > limit) {
      throw new ValidationError(
        limit === 1
          ? `${product.name} can be added once per order.`
          : `You can buy at most ${limit} of ${product.name} per order.`,
      );
    }
    assertInStock(product, wanted);
    if (existing) {
      await tx.update(cartLines).set({ quantity: wanted, updatedAt: new Date() }).where(eq(cartLines.id, existing.id));
    } else {
      const [lineCount] = await tx.select({ value: count() }).from(cartLines).where(eq(cartLines.cartId, cartId));
      if ((lineCount?.value ?? 0) >= MAX_LINES_PER_CART) {
        throw new ValidationError(`A cart holds at most ${MAX_LINES_PER_CART} different products.`);
      }
      await tx.insert(cartLines).values({ cartId, productId: product.id, quantity });
    }
    await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cartId));
  });
}

export async function setLineQuantity(db: Database, cartId: string, lineId: string, quantity: number): Promise<void> {
  if (quantity === 0) return removeLine(db, cartId, lineId);
  await db.transaction(async (tx) => {
    await lockCart(tx, cartId);
    const [row] = await tx
      .select({ kind: products.kind, name: products.name, stock: products.stock })
      .from(cartLines)
      .innerJoin(products, eq(products.id, cartLines.productId))
      .where(and(eq(cartLines.id, lineId), eq(cartLines.cartId, cartId)));
    if (!row) throw new NotFoundError('That item is no longer in your cart.');
    const limit = maxQuantityFor(row.kind);
    if (quantity > limit) throw new ValidationError(`You can buy at most ${limit} of ${row.name} per order.`);
    assertInStock(row, quantity);
    await tx.update(cartLines).set({ quantity, updatedAt: new Date() }).where(eq(cartLines.id, lineId));
  });
}

export async function removeLine(db: Database, cartId: string, lineId: string): Promise<void> {
  const deleted = await db
    .delete(cartLines)
    .where(and(eq(cartLines.id, lineId), eq(cartLines.cartId, cartId)))
    .returning({ id: cartLines.id });
  if (deleted.length === 0) throw new NotFoundError('That item is no longer in your cart.');
}

/** Empties a cart once its order is paid for; the cart row stays for the cookie. */
export async function clearCart(db: Database, cartId: string): Promise<void> {
  await db.delete(cartLines).where(eq(cartLines.cartId, cartId));
}
