import type { ShippingAddress } from '@/lib/checkout/types';
import type { CurrencyCode } from '@/lib/money';

/** What every order e-mail may show, read from the order in the transaction that queues it. Amounts in minor units. */
export interface OrderMailData {
  storeName: string;
  orderNumber: string;
  /** The shopper's order page, on the store's public origin. */
  orderUrl: string;
  buyerName: string | null;
  currency: CurrencyCode;
  lines: ReadonlyArray<{ name: string; quantity: number; unitPriceAmount: number; lineTotalAmount: number }>;
  subtotalAmount: number;
  shippingAmount: number;
  taxAmount: number;
  totalAmount: number;
  shippingAddress: ShippingAddress | null;
  /** Amazon's description of the payment instrument, e.g. "Visa ****1111". */
  paymentDescriptor: string | null;
}

/** Every template's props: the order, and the subject, which is also the heading. */
export interface MailProps {
  order: OrderMailData;
  title: string;
}
