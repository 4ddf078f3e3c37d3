/**
 * The admin order page's data: what we stored next to what Amazon says now. Plain JSON
 * (amounts in minor units, dates as ISO strings) so the live route and the server-rendered
 * page hand the client the same shape. No Amazon payloads cross this boundary.
 */

import type { ShippingAddress } from '@/lib/checkout/types';

/** The address as the order recorded it at checkout. */
export type AddressView = Omit<ShippingAddress, 'phoneNumber'>;

export interface OrderSummaryView {
  number: string;
  status: string;
  statusLabel: string;
  placedAt: string;
  currency: string;
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
  buyerName: string | null;
  buyerEmail: string | null;
  shippingAddress: AddressView | null;
  shippingMethod: string | null;
  paymentDescriptor: string | null;
  fulfilment: string;
  hasPhysicalGoods: boolean;
  isSubscription: boolean;
  chargePermissionId: string | null;
  chargePermissionType: string | null;
  lastReasonCode: string | null;
  fulfilmentStatus: FulfilmentView;
  /** Why sending tracking (and marking delivered) is not offered; null when it is. */
  trackingRefusal: string | null;
  /** Why closing the charge permission is not offered; null when it is. */
  closeRefusal: string | null;
}

/** Where the goods are, with the latest parcel once shipped. */
export interface FulfilmentView {
  status: string;
  label: string;
  carrierCode: string | null;
  trackingNumber: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
}

export interface LineView {
  name: string;
  kind: string;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
}

export interface EventView {
  id: number;
  at: string;
  type: string;
  actor: string;
  amazonObjectId: string | null;
  detail: Record<string, unknown>;
}

export interface LiveRefundView {
  refundId: string;
  state: string;
  reasonCode: string | null;
  amount: number;
  createdAt: string | null;
}

export interface LiveChargeView {
  chargeId: string;
  state: string;
  reasonCode: string | null;
  authorized: number;
  captured: number;
  refunded: number;
  /** Captured minus every refund not declined (pending ones included). */
  refundable: number;
  expiresAt: string | null;
  refunds: LiveRefundView[];
}

export interface LivePermissionView {
  chargePermissionId: string;
  type: string | null;
  state: string;
  reasons: string[];
  amountLimit: number | null;
  amountBalance: number | null;
  merchantMetadata: { merchantReferenceId: string; merchantStoreName: string; noteToBuyer: string; customInformation: string };
  expiresAt: string | null;
}

export type LiveStateView =
  | { ok: true; fetchedAt: string; permission: LivePermissionView | null; charges: LiveChargeView[] }
  | { ok: false; fetchedAt: string; message: string };

/** A chargeback Amazon told us of by IPN; the buyer's bank disputes the payment. */
export interface ChargebackView {
  chargebackId: string;
  receivedAt: string;
}

/** A subscription's next billing period: what Charge again would take, and from when. */
export interface RenewalView {
  period: number;
  dueAt: string;
  /** The due date in words, e.g. "February 28, 2026". */
  dueOn: string;
  amount: number;
  /** False before the due date; the server refuses to charge the period until then. */
  due: boolean;
}

export interface AdminOrderView {
  order: OrderSummaryView;
  /** Null unless the order is a subscription whose permission may be charged. */
  renewal: RenewalView | null;
  lines: LineView[];
  events: EventView[];
  chargebacks: ChargebackView[];
  live: LiveStateView;
  /** True while Amazon is still settling something (pending authorization, capture or refund). */
  settling: boolean;
}

export const SETTLING_STATES: ReadonlySet<string> = new Set(['AuthorizationInitiated', 'CaptureInitiated', 'RefundInitiated']);
