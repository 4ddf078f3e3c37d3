import { and, asc, eq, exists, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { orders, products, stockReservations } from '@/lib/db/schema';
import { NotFoundError, UserFacingError, ValidationError } from '@/lib/errors';
import type { OrderStatus } from '@/lib/orders/status';

/**
 * Stock moves only through conditional updates (`stock = stock - q where stock >= q`), so
 * two checkouts racing for the last unit can never both take it: the database row lock
 * makes the second one re-read the level and find it too low. Product rows are always
 * locked in id order, so two orders sharing products never deadlock.
 */

/** At or below this many units the product page says how many are left. */
export const LOW_STOCK_THRESHOLD = 5;

/** The statuses that end a checkout attempt and give its units back. */
const RELEASING_STATUSES: readonly OrderStatus[] = ['canceled', 'declined'];

/** What the product page says about the stock: how many are left when few are, or that none are. */
export function stockNotice(stock: number | null): string | null {
  if (stock === null || stock > LOW_STOCK_THRESHOLD) return null;
  return stock === 0 ? 'Out of stock' : `Only ${stock} left`;
}

/** How many the quantity picker offers: the per-order limit, or fewer when fewer are left. */
export function purchasableQuantity(limit: number, stock: number | null): number {
  return stock === null ? limit : Math.min(limit, stock);
}

export function stockShortageMessage(productName: string, left: number): string {
  return left === 0 ? `${productName} is out of stock.` : `Only ${left} left of ${productName}.`;
}

/** Place order could not reserve a line: nothing of the order was written. */
export class OutOfStockError extends UserFacingError {
  constructor(productName: string, left: number) {
    super(`${stockShortageMessage(productName, left)} Please change your cart and place the order again.`, 'out_of_stock');
  }
}

/** Refuses a cart quantity above the units left; null stock is unlimited. */
export function assertInStock(product: { name: string; stock: number | null }, wanted: number): void {
  if (product.stock !== null && wanted > product.stock) {
    throw new ValidationError(stockShortageMessage(product.name, product.stock));
  }
}

export interface StockLine {
  productId: string;
  quantity: number;
}

/**
 * Makes the order's reservation match its lines, inside the transaction that writes them:
 * takes what a line now needs beyond what the order already holds, gives back what it no
 * longer needs. Throws OutOfStockError (rolling the transaction back) when a line cannot
 * be covered, naming how many the shopper could have.
 */
export async function reserveStock(tx: Database, orderId: string, lines: readonly StockLine[]): Promise<void> {
  const wanted = new Map<string, number>();
  for (const line of lines) wanted.set(line.productId, (wanted.get(line.productId) ?? 0) + line.quantity);
  const heldRows = await tx
    .select({ productId: stockReservations.productId, quantity: stockReservations.quantity })
    .from(stockReservations)
    .where(and(eq(stockReservations.orderId, orderId), isNull(stockReservations.releasedAt)));
  const held = new Map(heldRows.map((row) => [row.productId, row.quantity]));
  const productIds = [...new Set([...wanted.keys(), ...held.keys()])].sort();
  for (const productId of productIds) {
    const want = wanted.get(productId) ?? 0;
    const have = held.get(productId) ?? 0;
    if (want === have) continue;
    if (want < have) {
      await giveBack(tx, productId, have - want);
    } else if (!(await take(tx, productId, want - have))) {
      const [product] = await tx
        .select({ name: products.name, stock: products.stock })
        .from(products)
        .where(eq(products.id, productId));
      if (!product) throw new NotFoundError('A product in your cart is no longer available.');
      // Unlimited: nothing to reserve or record.
      if (product.stock === null) continue;
      throw new OutOfStockError(product.name, product.stock + have);
    }
    await recordReservation(tx, orderId, productId, want);
  }
}

async function take(tx: Database, productId: string, quantity: number): Promise<boolean> {
  const taken = await tx
    .update(products)
    .set({ stock: sql`${products.stock} - ${quantity}` })
    .where(and(eq(products.id, productId), gte(products.stock, quantity)))
    .returning({ id: products.id });
  return taken.length > 0;
}

async function giveBack(tx: Database, productId: string, quantity: number): Promise<void> {
  await tx
    .update(products)
    .set({ stock: sql`${products.stock} + ${quantity}` })
    .where(and(eq(products.id, productId), isNotNull(products.stock)));
}

async function recordReservation(tx: Database, orderId: string, productId: string, quantity: number): Promise<void> {
  const key = and(eq(stockReservations.orderId, orderId), eq(stockReservations.productId, productId));
  if (quantity === 0) {
    await tx.delete(stockReservations).where(key);
    return;
  }
  await tx
    .insert(stockReservations)
    .values({ orderId, productId, quantity })
    .onConflictDoUpdate({
      target: [stockReservations.orderId, stockReservations.productId],
      set: { quantity, updatedAt: new Date() },
    });
}

/**
 * Gives back what the order reserved, once its checkout attempt has ended (declined or
 * canceled); for any other status it does nothing. Marking the reservation released and
 * adding the units back happen in the caller's transaction, and a reservation already
 * released is skipped, so a second call, a replayed notification or a racing process
 * releases nothing. Returns the units given back.
 */
export async function releaseStock(tx: Database, orderId: string): Promise<number> {
  const released = await tx
    .update(stockReservations)
    .set({ releasedAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        eq(stockReservations.orderId, orderId),
        isNull(stockReservations.releasedAt),
        exists(
          tx
            .select({ id: orders.id })
            .from(orders)
            .where(and(eq(orders.id, orderId), inArray(orders.status, [...RELEASING_STATUSES]))),
        ),
      ),
    )
    .returning({ productId: stockReservations.productId, quantity: stockReservations.quantity });
  released.sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
  for (const row of released) await giveBack(tx, row.productId, row.quantity);
  return released.reduce((units, row) => units + row.quantity, 0);
}

export interface ProductStock {
  id: string;
  slug: string;
  name: string;
  kind: (typeof products.$inferSelect)['kind'];
  active: boolean;
  stock: number | null;
}

const productStockColumns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  kind: products.kind,
  active: products.active,
  stock: products.stock,
};

/** Every product with its stock level, in catalog order, for the admin. */
export async function listProductStock(db: Database): Promise<ProductStock[]> {
  return db.select(productStockColumns).from(products).orderBy(asc(products.position), asc(products.name));
}

/** The units left of one product right now (null: unlimited), read past any catalog cache. */
export async function stockLevel(db: Database, productId: string): Promise<number | null> {
  const [row] = await db.select({ stock: products.stock }).from(products).where(eq(products.id, productId));
  return row?.stock ?? null;
}

/**
 * The merchant sets the units still to sell outright, not counting those held by orders awaiting
 * payment (a declined one gives its units back on top); null makes the product unlimited.
 */
export async function setStockLevel(db: Database, productId: string, stock: number | null): Promise<ProductStock> {
  const [row] = await db
    .update(products)
    .set({ stock, updatedAt: new Date() })
    .where(eq(products.id, productId))
    .returning(productStockColumns);
  if (!row) throw new NotFoundError('That product no longer exists.');
  return row;
}
