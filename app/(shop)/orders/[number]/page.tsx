import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddressBlock } from '@/components/checkout/address-block';
import { AfterSaleSections } from '@/components/orders/after-sale-sections';
import { DownloadsSection } from '@/components/orders/downloads-section';
import { OrderStatusCard } from '@/components/orders/order-status-card';
import { OrderTotals } from '@/components/ui/order-totals';
import { formatPrice } from '@/components/ui/price';
import { getDb } from '@/lib/db';
import { downloadLinksFor } from '@/lib/downloads';
import { recurringTermsForOrder } from '@/lib/subscriptions/terms';
import { RecurringDisclosure } from '@/components/subscriptions/recurring-disclosure';
import { findVisibleOrder, visibleOrderAfterSale } from '@/lib/orders/shopper/visible-order';
import { orderProgress } from '@/lib/orders/shopper/progress';

export const metadata: Metadata = { title: 'Your order', robots: { index: false } };

export default async function OrderPage({ params }: { params: Promise<{ number: string }> }) {
  const order = await findVisibleOrder((await params).number);
  if (!order) notFound();

  const progress = orderProgress(order);
  const [downloads, recurring, afterSale] = await Promise.all([
    downloadLinksFor({ orderId: order.id }),
    recurringTermsForOrder(await getDb(), order.id),
    visibleOrderAfterSale(order),
  ]);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <OrderStatusCard number={order.number} status={order.status} progress={progress} buyerEmail={order.buyerEmail} />
      <DownloadsSection downloads={downloads} />
      {recurring ? <RecurringDisclosure terms={recurring} /> : null}
      <div className="grid gap-6 sm:grid-cols-2">
        {order.shippingAddress ? (
          <section aria-labelledby="ship-heading" className="card p-6">
            <h2 id="ship-heading" className="mb-2 font-serif text-lg text-ink">
              Shipping to
            </h2>
            <AddressBlock address={order.shippingAddress} />
          </section>
        ) : null}
        <section aria-labelledby="pay-heading" className="card p-6">
          <h2 id="pay-heading" className="mb-2 font-serif text-lg text-ink">
            {progress.kind === 'placed' ? 'Paid with' : 'Payment method'}
          </h2>
          <p data-testid="order-payment-descriptor">Amazon Pay · {order.paymentDescriptor ?? 'your Amazon payment method'}</p>
        </section>
      </div>
      <AfterSaleSections shippingMethod={order.shippingMethod} ships={order.shippingAddress !== null} afterSale={afterSale} />
      <section aria-labelledby="items-heading" className="card p-6">
        <h2 id="items-heading" className="mb-3 font-serif text-lg text-ink">
          Items
        </h2>
        <ul className="divide-y divide-black/5 text-sm">
          {order.lines.map((line) => (
            <li key={line.id} className="flex justify-between py-2" data-testid="order-line">
              <Link href={`/products/${line.slug}`} className="hover:underline">
                {line.name} × {line.quantity}
              </Link>
              <span>{formatPrice(line.lineTotal)}</span>
            </li>
          ))}
        </ul>
        <OrderTotals totals={order} testIdPrefix="order" className="mt-3" />
      </section>
      <Link href="/" className="btn-secondary self-center">
        Continue shopping
      </Link>
    </div>
  );
}
