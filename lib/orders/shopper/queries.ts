import { and, asc, desc, eq, isNotNull, or, type SQL } from 'drizzle-orm';
import type { ShippingAddress } from '@/lib/checkout/types';
import type { Database } from '@/lib/db/connection';
import { orderLines, orders } from '@/lib/db/schema';
import { money, type CurrencyCode, type Money } from '@/lib/money';
import { orderStatusLabel, type OrderStatus } from '@/lib/orders/status';
import { orderProgress, type OrderProgressFacts } from './progress';

export interface OrderDetail extends OrderProgressFacts {
  id: string;
  number: string;
  createdAt: Date;
  currency: CurrencyCode;
  buyerId: string | null;
  buyerName: string | null;
  buyerEmail: string | null;
  browserTokenHash: string | null;
  shippingAddress: ShippingAddress | null;
  paymentDescriptor: string | null;
  shippingMethod: string | null;
  subtotal: Money;
  shipping: Money;
  tax: Money;
  total: Money;
  lines: Array<{
    id: string;
    /** Null once the product is deleted from the catalog. */
    productId: string | null;
    slug: string;
    name: string;
    kind: string;
    quantity: number;
    unitPrice: Money;
    lineTotal: Money;
  }>;
}

export async function findOrderByNumber(db: Database, number: string): Promise<OrderDetail | null> {
  const [row] = await db.select().from(orders).where(eq(orders.number, number)).limit(1);
  if (!row) return null;
  const { currency } = row;
  const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, row.id)).orderBy(asc(orderLines.productName));
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    placedAt: row.placedAt,
    completionRequestedAt: row.completionRequestedAt,
    chargePermissionId: row.chargePermissionId,
    lastReasonCode: row.lastReasonCode,
    createdAt: row.createdAt,
    currency,
    buyerId: row.buyerId,
    buyerName: row.buyerName,
    buyerEmail: row.buyerEmail,
    browserTokenHash: row.browserTokenHash,
    shippingAddress: (row.shippingAddress as ShippingAddress | null) ?? null,
    paymentDescriptor: row.paymentDescriptor,
    shippingMethod: row.shippingMethod,
    subtotal: money(row.subtotalAmount, currency),
    shipping: money(row.shippingAmount, currency),
    tax: money(row.taxAmount, currency),
    total: money(row.totalAmount, currency),
    lines: lines.map((line) => ({
      id: line.id,
      productId: line.productId,
      slug: line.productSlug,
      name: line.productName,
      kind: line.kind,
      quantity: line.quantity,
      unitPrice: money(line.unitPriceAmount, currency),
      lineTotal: money(line.lineTotalAmount, currency),
    })),
  };
}

export interface OrderHistoryEntry {
  number: string;
  status: OrderStatus;
  /** The status as the history shows it; a payment still being confirmed says so. */
  statusLabel: string;
  createdAt: Date;
  total: Money;
}

/**
 * The history's rows, as isShopperHistoryOrder (./progress.ts) decides for one order: placed
 * orders, and payments being confirmed. Checkout attempts that ended before money was held,
 * or that the shopper never came back from Amazon to complete, are not orders.
 */
const historyCondition: SQL = or(
  isNotNull(orders.placedAt),
  eq(orders.status, 'payment_processing'),
  and(eq(orders.status, 'pending'), or(isNotNull(orders.completionRequestedAt), isNotNull(orders.chargePermissionId))),
)!;

/** A shopper's orders: those Amazon tied to their Amazon account, newest first, never someone else's. */
export async function listOrdersForBuyer(db: Database, buyerId: string): Promise<OrderHistoryEntry[]> {
  const rows = await db
    .select()
    .from(orders)
    .where(and(eq(orders.buyerId, buyerId), historyCondition))
    .orderBy(desc(orders.createdAt))
    .limit(100);
  return rows.map((row) => ({
    number: row.number,
    status: row.status,
    statusLabel: orderProgress(row).kind === 'confirming' ? 'Confirming payment' : orderStatusLabel(row.status),
    createdAt: row.createdAt,
    total: money(row.totalAmount, row.currency),
  }));
}

/**
 * The order this browser placed from an Amazon checkout session, once it is an order (as the
 * history decides), newest first: Back from the confirmation reopens the review URL, and the
 * shopper belongs on their order, not on a checkout that has ended.
 */
export async function findPlacedOrderNumberForCheckout(
  db: Database,
  checkoutSessionId: string,
  shopperTokenHash: string,
): Promise<string | null> {
  const [row] = await db
    .select({ number: orders.number })
    .from(orders)
    .where(and(eq(orders.checkoutSessionId, checkoutSessionId), eq(orders.browserTokenHash, shopperTokenHash), historyCondition))
    .orderBy(desc(orders.createdAt))
    .limit(1);
  return row?.number ?? null;
}

/** Who is asking to see an order: their browser's shopper cookie hash, and their Amazon buyer id when signed in. */
export interface OrderViewer {
  shopperTokenHash: string | null;
  buyerId: string | null;
}

/** Who may see an order: the browser that placed it, or the signed-in Amazon buyer it belongs to. */
export function canViewOrder(order: Pick<OrderDetail, 'browserTokenHash' | 'buyerId'>, viewer: OrderViewer): boolean {
  if (viewer.shopperTokenHash && order.browserTokenHash === viewer.shopperTokenHash) return true;
  return viewer.buyerId !== null && order.buyerId === viewer.buyerId;
}
