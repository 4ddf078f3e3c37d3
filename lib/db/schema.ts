import { sql } from 'drizzle-orm';
import type { Charge, Refund } from '../amazon-pay';
import type { Fulfilment } from '../checkout/types';
import type { ShippingMethod } from '../checkout/pricing';
import { ORDER_NUMBER_PREFIX } from '../ids';
import type { CurrencyCode } from '../money';
import type { OrderStatus, PaymentState } from '../orders/status';
import type { FulfilmentStatus } from '../orders/fulfilment-status';
import type { EmailKind, EmailStatus } from '../email/kinds';
import {
  bigserial,
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** All money columns hold integer minor units of the row's `currency`. */

export const productKind = pgEnum('product_kind', ['physical', 'digital', 'subscription']);

const id = () => uuid('id').primaryKey().defaultRandom();
const currency = () => text('currency').$type<CurrencyCode>().notNull();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const timestamps = () => ({
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
/** A row deleted with the row it belongs to. */
const ownedBy = <N extends string>(name: N, owner: () => AnyPgColumn) =>
  uuid(name).notNull().references(owner, { onDelete: 'cascade' });

export const products = pgTable(
  'products',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    tagline: text('tagline').notNull(),
    description: text('description').notNull(),
    kind: productKind('kind').notNull(),
    priceAmount: integer('price_amount').notNull(),
    currency: currency(),
    imagePath: text('image_path').notNull(),
    /** A digital product's file, relative to the storage folder (STORAGE_DIR); null delivers nothing. */
    downloadFile: text('download_file'),
    /** Units left to sell; null is unlimited (digital goods, the subscription). Moves only through lib/catalog/stock.ts. */
    stock: integer('stock'),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('products_slug_key').on(table.slug),
    check('products_price_nonnegative', sql`${table.priceAmount} >= 0`),
    check('products_stock_nonnegative', sql`${table.stock} >= 0`),
  ],
);

export const carts = pgTable('carts', {
  id: id(),
  currency: currency(),
  buyerId: text('buyer_id'),
  ...timestamps(),
});

export const cartLines = pgTable(
  'cart_lines',
  {
    id: id(),
    cartId: ownedBy('cart_id', () => carts.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    quantity: integer('quantity').notNull(),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('cart_lines_cart_product_key').on(table.cartId, table.productId),
    check('cart_lines_quantity_positive', sql`${table.quantity} > 0`),
  ],
);

/** Human-friendly order numbers (NW-100001, …), unique across instances. */
export const orderNumberSequence = pgSequence('order_number_seq', { startWith: 100001 });

export const orders = pgTable(
  'orders',
  {
    id: id(),
    number: text('number')
      .notNull()
      .default(sql.raw(`'${ORDER_NUMBER_PREFIX}' || nextval('order_number_seq')::text`)),
    cartId: uuid('cart_id').references(() => carts.id, { onDelete: 'set null' }),
    status: text('status').$type<OrderStatus>().notNull(),
    paymentState: text('payment_state').$type<PaymentState>().notNull(),
    currency: currency(),
    subtotalAmount: integer('subtotal_amount').notNull(),
    shippingAmount: integer('shipping_amount').notNull(),
    taxAmount: integer('tax_amount').notNull(),
    totalAmount: integer('total_amount').notNull(),
    buyerId: text('buyer_id'),
    buyerName: text('buyer_name'),
    buyerEmail: text('buyer_email'),
    shippingAddress: jsonb('shipping_address'),
    paymentDescriptor: text('payment_descriptor'),
    checkoutSessionId: text('checkout_session_id'),
    chargePermissionId: text('charge_permission_id'),
    /** SHA-256 of the shopper cookie of the browser that placed the order. */
    browserTokenHash: text('browser_token_hash'),
    /** What the order holds, for filters and the payment intent. */
    fulfilment: text('fulfilment').$type<Fulfilment>().notNull().default('physical'),
    shippingMethod: text('shipping_method').$type<ShippingMethod>(),
    paymentIntent: text('payment_intent'),
    chargePermissionType: text('charge_permission_type'),
    chargePermissionState: text('charge_permission_state'),
    /** Amazon's last reason code for a failed or canceled payment, for the shopper message and the admin. */
    lastReasonCode: text('last_reason_code'),
    /**
     * Write-ahead: set just before completeCheckoutSession is called, so a resync knows the
     * shopper came back from Amazon and the session may be completed on their behalf.
     */
    completionRequestedAt: timestamp('completion_requested_at', { withTimezone: true }),
    /** The Charge that completeCheckoutSession created, recorded from its answer before any further call. */
    checkoutChargeId: text('checkout_charge_id'),
    /**
     * When a charge of this order was first authorized or captured. Null means the order is
     * still a checkout attempt: pending, or declined or canceled before any money was held,
     * and then not a sale.
     */
    placedAt: timestamp('placed_at', { withTimezone: true }),
    /**
     * Where the goods are: unfulfilled, shipped (once Amazon accepted a tracker, with the latest
     * parcel's carrier and number) or delivered. Moves only through lib/orders/fulfilment.ts.
     */
    fulfilmentStatus: text('fulfilment_status').$type<FulfilmentStatus>().notNull().default('unfulfilled'),
    shippingCarrier: text('shipping_carrier'),
    trackingNumber: text('tracking_number'),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('orders_number_key').on(table.number),
    uniqueIndex('orders_checkout_session_key').on(table.checkoutSessionId),
    index('orders_created_at_idx').on(table.createdAt),
    index('orders_payment_state_idx').on(table.paymentState, table.createdAt),
    index('orders_buyer_idx').on(table.buyerId, table.createdAt),
    index('orders_charge_permission_idx').on(table.chargePermissionId),
    index('orders_fulfilment_idx').on(table.fulfilment, table.createdAt),
    index('orders_status_idx').on(table.status, table.createdAt),
    // The list's Fulfilment filter: a few thousand shipped orders among 100k, newest first (bench: p95 251 ms → 4 ms).
    index('orders_fulfilment_status_idx').on(table.fulfilmentStatus, table.createdAt),
    index('orders_placed_at_idx').on(table.placedAt),
    index('orders_buyer_email_idx').on(sql`lower(${table.buyerEmail})`),
    // The admin list sorts by total and by the numeric part of the order number (lib/orders/admin-list.ts).
    index('orders_total_idx').on(table.totalAmount, table.id),
    index('orders_number_value_idx').on(sql`((substring(${table.number} from 4))::bigint)`, table.id),
    check('orders_fulfilment_status_known', sql`${table.fulfilmentStatus} in ('unfulfilled', 'shipped', 'delivered')`),
    // Trigram indexes serve the admin search's partial, case-insensitive matches (ILIKE '%…%'):
    // https://www.postgresql.org/docs/current/pgtrgm.html#PGTRGM-INDEX
    index('orders_buyer_name_trgm_idx').using('gin', table.buyerName.op('gin_trgm_ops')),
    index('orders_buyer_email_trgm_idx').using('gin', table.buyerEmail.op('gin_trgm_ops')),
    index('orders_number_trgm_idx').using('gin', table.number.op('gin_trgm_ops')),
    check(
      'orders_total_adds_up',
      sql`${table.totalAmount} = ${table.subtotalAmount} + ${table.shippingAmount} + ${table.taxAmount}`,
    ),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: id(),
    orderId: ownedBy('order_id', () => orders.id),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
    productSlug: text('product_slug').notNull(),
    productName: text('product_name').notNull(),
    kind: productKind('kind').notNull(),
    unitPriceAmount: integer('unit_price_amount').notNull(),
    quantity: integer('quantity').notNull(),
    lineTotalAmount: integer('line_total_amount').notNull(),
  },
  (table) => [
    index('order_lines_order_idx').on(table.orderId),
    // The admin search walks the distinct product names and finds their orders by name (lib/orders/admin/list.ts).
    index('order_lines_product_name_idx').on(table.productName, table.orderId),
    check('order_lines_total', sql`${table.lineTotalAmount} = ${table.unitPriceAmount} * ${table.quantity}`),
  ],
);

/**
 * The units an order took from a product's stock. Placing the order reserves them in the
 * transaction that writes it; a declined or canceled attempt sets released_at and gives them
 * back once (lib/catalog/stock.ts). Only products with a stock level have a row.
 */
export const stockReservations = pgTable(
  'stock_reservations',
  {
    orderId: ownedBy('order_id', () => orders.id),
    productId: ownedBy('product_id', () => products.id),
    quantity: integer('quantity').notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    ...timestamps(),
  },
  (table) => [
    primaryKey({ columns: [table.orderId, table.productId] }),
    check('stock_reservations_quantity_positive', sql`${table.quantity} > 0`),
  ],
);

/**
 * How often an order line's file was downloaded. The count only grows through one
 * conditional upsert (lib/downloads/grants.ts), so parallel requests never pass the bound.
 */
export const downloadGrants = pgTable(
  'download_grants',
  {
    orderLineId: uuid('order_line_id')
      .primaryKey()
      .references(() => orderLines.id, { onDelete: 'cascade' }),
    downloads: integer('downloads').notNull(),
    firstDownloadedAt: timestamp('first_downloaded_at', { withTimezone: true }).notNull().defaultNow(),
    lastDownloadedAt: timestamp('last_downloaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('download_grants_downloads_positive', sql`${table.downloads} > 0`)],
);

/** One row per Amazon Pay Charge. */
export const payments = pgTable(
  'payments',
  {
    id: id(),
    orderId: ownedBy('order_id', () => orders.id),
    chargeId: text('charge_id').notNull(),
    chargePermissionId: text('charge_permission_id').notNull(),
    state: text('state').$type<Charge['statusDetails']['state']>().notNull(),
    reasonCode: text('reason_code'),
    currency: currency(),
    authorizedAmount: integer('authorized_amount').notNull(),
    capturedAmount: integer('captured_amount').notNull().default(0),
    refundedAmount: integer('refunded_amount').notNull().default(0),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('payments_charge_key').on(table.chargeId),
    index('payments_order_idx').on(table.orderId),
    check('payments_refund_within_capture', sql`${table.refundedAmount} <= ${table.capturedAmount}`),
  ],
);

export const refunds = pgTable(
  'refunds',
  {
    id: id(),
    paymentId: ownedBy('payment_id', () => payments.id),
    refundId: text('refund_id').notNull(),
    state: text('state').$type<Refund['statusDetails']['state']>().notNull(),
    reasonCode: text('reason_code'),
    currency: currency(),
    amount: integer('amount').notNull(),
    ...timestamps(),
  },
  (table) => [uniqueIndex('refunds_refund_key').on(table.refundId), index('refunds_payment_idx').on(table.paymentId)],
);

/** Append-only: a trigger (migration 0001) refuses UPDATE and DELETE. */
export const paymentEvents = pgTable(
  'payment_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'restrict' }),
    type: text('type').notNull(),
    amazonObjectId: text('amazon_object_id'),
    idempotencyKey: text('idempotency_key'),
    actor: text('actor').notNull(),
    detail: jsonb('detail').notNull().default({}),
    createdAt: createdAt(),
  },
  (table) => [index('payment_events_order_idx').on(table.orderId, table.id)],
);

/**
 * Fixed-window counters shared by every instance (scale-out: never in process memory).
 * `key` names what is limited, e.g. `admin-login:ip:203.0.113.9`.
 */
export const rateLimitBuckets = pgTable('rate_limit_buckets', {
  key: text('key').primaryKey(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
});

/** Values generated once and shared by all instances, such as a development session secret. */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});

/**
 * Every IPN we accepted, keyed by Amazon's NotificationId: recorded before we answer
 * 200, so a crash after acknowledging loses nothing, and a replay is recognised.
 */
export const notificationsReceived = pgTable(
  'notifications_received',
  {
    notificationId: text('notification_id').primaryKey(),
    messageId: text('message_id').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    chargePermissionId: text('charge_permission_id'),
    status: text('status').notNull().default('received'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (table) => [index('notifications_received_status_idx').on(table.status, table.receivedAt)],
);

/** What became of a SubscriptionConfirmation: confirmed, refused (topic or URL not ours), or failed (SNS unreachable). */
export type IpnSubscriptionStatus = 'confirmed' | 'refused' | 'failed';

/**
 * The SNS subscriptions of our IPN endpoint, one row per topic: the last verified
 * SubscriptionConfirmation and what we did with it, shown in the admin.
 */
export const ipnSubscriptions = pgTable('ipn_subscriptions', {
  topicArn: text('topic_arn').primaryKey(),
  status: text('status').$type<IpnSubscriptionStatus>().notNull(),
  messageId: text('message_id').notNull(),
  subscribeHost: text('subscribe_host'),
  subscriptionArn: text('subscription_arn'),
  lastError: text('last_error'),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
});

/**
 * Merchant payment operations (capture, refund, …), written before Amazon is called.
 * The key is what we send as Amazon's idempotency key, so a double click, a retry or a
 * second tab that derives the same key reuses this row and Amazon's first answer.
 */
export const adminOperations = pgTable(
  'admin_operations',
  {
    id: id(),
    idempotencyKey: text('idempotency_key').notNull(),
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    request: jsonb('request').notNull(),
    status: text('status').notNull().default('pending'),
    amazonObjectId: text('amazon_object_id'),
    reasonCode: text('reason_code'),
    actor: text('actor').notNull(),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('admin_operations_key').on(table.idempotencyKey),
    index('admin_operations_order_idx').on(table.orderId),
  ],
);

/** Each resync run (npm run resync or the admin button) and what it changed. */
export const resyncRuns = pgTable('reconciliation_runs', {
  id: id(),
  trigger: text('trigger').notNull(),
  status: text('status').notNull().default('running'),
  ordersChecked: integer('orders_checked').notNull().default(0),
  ordersChanged: integer('orders_changed').notNull().default(0),
  notificationsProcessed: integer('notifications_processed').notNull().default(0),
  summary: jsonb('summary').notNull().default([]),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/**
 * Every message to a shopper, written in the transaction that records the fact it tells
 * of, then sent by a job. The key (kind, order, occasion) makes a repeated trigger a no-op,
 * so a retry or a second delivery of the same fact never mails twice.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: id(),
    idempotencyKey: text('idempotency_key').notNull(),
    kind: text('kind').$type<EmailKind>().notNull(),
    orderId: uuid('order_id').references(() => orders.id, { onDelete: 'set null' }),
    occasion: text('occasion').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    status: text('status').$type<EmailStatus>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The Message-ID the SMTP server was given, to find the message in its logs. */
    messageId: text('message_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    ...timestamps(),
  },
  (table) => [
    uniqueIndex('email_outbox_idempotency_key').on(table.idempotencyKey),
    index('email_outbox_status_idx').on(table.status, table.updatedAt),
    index('email_outbox_created_at_idx').on(table.createdAt),
    index('email_outbox_order_idx').on(table.orderId),
  ],
);

/**
 * One row per signed-in browser. The session cookie (a next-auth JWT) names its row, and
 * every read of the session checks the row, so signing out, signing out everywhere or
 * changing ADMIN_PASSWORD ends a token at once instead of when it expires.
 */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: id(),
    /** 'admin:<email>' or 'shopper:<Amazon buyerId>'. */
    subject: text('subject').notNull(),
    role: text('role').$type<'admin' | 'shopper'>().notNull(),
    /** For the admin: a slow digest of the credentials signed in with (lib/auth/credential.ts). */
    credential: text('credential'),
    userAgent: text('user_agent'),
    clientIp: text('client_ip'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [index('auth_sessions_subject_idx').on(table.subject, table.expiresAt)],
);
