import { asc, eq } from 'drizzle-orm';
import type { ShippingAddress } from '@/lib/checkout/types';
import type { Database } from '@/lib/db/connection';
import { orderLines, orders } from '@/lib/db/schema';
import { downloadLinks } from '@/lib/downloads/delivery';
import { planRenewal } from '@/lib/orders/payments/renewal';
import { queueEmail } from './outbox';
import { renderOrderEmail, type EmailContent, type OrderMailData } from './templates';

/** What a message needs from the store's settings. */
export interface MailSettings {
  storeName: string;
  /** The store's public origin, for links back to the order. */
  origin: string;
  /** The merchant's address, for the messages the store sends the merchant. */
  merchantEmail: string;
  /** Signs the download links a paid order's messages carry; without it they carry none. */
  downloadSigningKey?: string;
}

/** The store's public origin: APP_URL's, else the default local address (a job has no request to read a host from). */
export function mailOrigin(appUrl: string | undefined): string {
  return appUrl ? new URL(appUrl).origin : 'http://localhost:3000';
}

/**
 * The order's files, as signed links on the store's origin. Each still opens only in the
 * buyer's browser or signed-in account and only while the payment stands (lib/downloads).
 */
async function mailedDownloads(db: Database, orderId: string, settings: MailSettings): Promise<OrderMailData['downloads']> {
  const links = await downloadLinks(db, { orderId }, { signingKey: settings.downloadSigningKey ?? '', now: new Date() });
  return links.flatMap((link) =>
    link.href ? [{ name: link.name, url: `${settings.origin}${link.href}`, expiresAt: link.expiresAt }] : [],
  );
}

/**
 * A subscription order's terms for the messages about the order itself, as Amazon Pay asks
 * merchants to state them (https://developer.amazon.com/docs/amazon-pay-checkout/multi-use-payments.html):
 * what each renewal charges, when the next one comes, and where to cancel.
 */
async function mailedSubscription(
  db: Database,
  order: typeof orders.$inferSelect,
  settings: MailSettings,
): Promise<OrderMailData['subscription']> {
  if (order.chargePermissionType !== 'Recurring') return null;
  const planned = await planRenewal(db, order);
  if ('refusal' in planned) return null;
  return {
    recurringAmount: planned.plan.amount.amount,
    nextChargeAt: planned.plan.dueAt,
    accountUrl: `${settings.origin}/account`,
  };
}

async function loadOrderMailData(db: Database, orderId: string, settings: MailSettings) {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) return null;
  const lines = await db
    .select({
      name: orderLines.productName,
      quantity: orderLines.quantity,
      unitPriceAmount: orderLines.unitPriceAmount,
      lineTotalAmount: orderLines.lineTotalAmount,
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.productName));
  const data: OrderMailData = {
    storeName: settings.storeName,
    orderNumber: order.number,
    orderUrl: `${settings.origin}/orders/${encodeURIComponent(order.number)}`,
    buyerName: order.buyerName,
    buyerEmail: order.buyerEmail,
    currency: order.currency,
    lines,
    subtotalAmount: order.subtotalAmount,
    shippingAmount: order.shippingAmount,
    taxAmount: order.taxAmount,
    totalAmount: order.totalAmount,
    shippingAddress: (order.shippingAddress as ShippingAddress | null) ?? null,
    paymentDescriptor: order.paymentDescriptor,
    downloads: settings.downloadSigningKey ? await mailedDownloads(db, orderId, settings) : [],
    subscription: await mailedSubscription(db, order, settings),
  };
  return { recipient: order.buyerEmail, data };
}

/**
 * Renders and queues one message about the order, to its shopper or, for `to: 'merchant'`,
 * to the merchant: without a greeting, linking to the admin order page.
 */
export async function queueOrderEmail(
  db: Database,
  orderId: string,
  occasion: string,
  content: EmailContent,
  settings: MailSettings,
  to: 'shopper' | 'merchant' = 'shopper',
): Promise<string | null> {
  const order = await loadOrderMailData(db, orderId, settings);
  if (!order) return null;
  const recipient = to === 'merchant' ? settings.merchantEmail : order.recipient;
  if (!recipient) return null;
  const data =
    to === 'merchant'
      ? {
          ...order.data,
          buyerName: null,
          orderUrl: `${settings.origin}/admin/orders/${encodeURIComponent(order.data.orderNumber)}`,
        }
      : order.data;
  return queueEmail(db, { kind: content.kind, orderId, occasion, recipient, ...renderOrderEmail(data, content) });
}
