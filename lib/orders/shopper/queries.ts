import { asc, desc, eq } from 'drizzle-orm';
import type { ShippingAddress } from '@/lib/checkout/types';
import type { Database } from '@/lib/db/connection';
import { orderLines, orders } from '@/lib/db/schema';
import { money, type Money } from '@/lib/money';
import type { OrderStatus } from '@/lib/orders/status';

export interface OrderDetail {
  id: string;
  number: string;
  status: OrderStatus;
  createdAt: Date;
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
  lines: Array<{ id: string; slug: string; name: string; kind: string; quantity: number; unitPrice: Money; lineTotal: Money }>;
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
    createdAt: row.createdAt,
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
  createdAt: Date;
  total: Money;
}

/** A shopper's orders: those Amazon tied to their Amazon account, newest first, never someone else's. */
export async function listOrdersForBuyer(db: Database, buyerId: string): Promise<OrderHistoryEntry[]> {
  const rows = await db.select().from(orders).where(eq(orders.buyerId, buyerId)).orderBy(desc(orders.createdAt)).limit(100);
  return rows
    .filter((row) => row.status !== 'pending')
    .map((row) => ({
      number: row.number,
      status: row.status,
      createdAt: row.createdAt,
      total: money(row.totalAmount, row.currency),
    }));
}

/** Who may see an order: the browser that placed it, or the signed-in Amazon buyer it belongs to. */
export function canViewOrder(order: OrderDetail, viewer: { shopperTokenHash: string | null; buyerId: string | null }): boolean {
  if (viewer.shopperTokenHash && order.browserTokenHash === viewer.shopperTokenHash) return true;
  return viewer.buyerId !== null && order.buyerId === viewer.buyerId;
}
