import type { ShippingAddress } from '@/lib/checkout/types';
import type { CurrencyCode } from '@/lib/money';

/** What every order e-mail may show, read from the order in the transaction that queues it. Amounts in minor units. */
export interface OrderMailData {
  storeName: string;
  orderNumber: string;
  /** The shopper's order page, on the store's public origin. */
  orderUrl: string;
  buyerName: string | null;
  buyerEmail: string | null;
  currency: CurrencyCode;
  lines: ReadonlyArray<{ name: string; quantity: number; unitPriceAmount: number; lineTotalAmount: number }>;
  subtotalAmount: number;
  shippingAmount: number;
  taxAmount: number;
  totalAmount: number;
  shippingAddress: ShippingAddress | null;
  /** Amazon's description of the payment instrument, e.g. "Visa ****1111". */
  paymentDescriptor: string | null;
  /** Signed links to the order's files, for a paid order with digital goods. */
  downloads: ReadonlyArray<{ name: string; url: string; expiresAt: Date }>;
  /** A subscription's terms: what each renewal charges, when the next comes, where to cancel. */
  subscription: { recurringAmount: number; nextChargeAt: Date | null; accountUrl: string } | null;
}

/** Every template's props: the order, and the subject, which is also the heading. */
export interface MailProps {
  order: OrderMailData;
  title: string;
}

/** What every subscription message states besides the order. */
export interface SubscriptionMailProps {
  /** What each monthly renewal charges, in minor units of the order's currency. */
  recurringAmount: number;
  /** When the next renewal is charged; null when none is scheduled. */
  nextChargeAt: Date | null;
  /** The shopper's account page, where a subscription is cancelled. */
  accountUrl: string;
  /** The shop's home page. */
  storeUrl: string;
}
