import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddressBlock } from '@/components/checkout/address-block';
import { OrderTotals } from '@/components/ui/order-totals';
import { formatPrice } from '@/components/ui/price';
import { findVisibleOrder } from '@/lib/orders/shopper/visible-order';
import { orderStatusLabel } from '@/lib/orders/status';

export const metadata: Metadata = { title: 'Your order', robots: { index: false } };

export default async function OrderPage({ params }: { params: Promise<{ number: string }> }) {
  const order = await findVisibleOrder((await params).number);
  if (!order) notFound();

  const processing = order.status === 'payment_processing';
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div className="card flex flex-col gap-2 p-8 text-center">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
          {processing ? 'Payment processing' : order.status === 'pending' ? 'Awaiting payment' : 'Thank you!'}
        </p>
        <h1 className="font-serif text-3xl text-ink">
          Order <span data-testid="order-number">{order.number}</span>
        </h1>
        <p className="text-ink-muted">
          Status: <strong data-testid="order-status">{orderStatusLabel(order.status)}</strong>
        </p>
        {processing ? (
          <p className="text-sm text-ink-muted">
            Amazon Pay is still confirming your payment. We will email you as soon as it is done.
          </p>
        ) : null}
        {order.buyerEmail ? <p className="text-sm text-ink-muted">A confirmation goes to {order.buyerEmail}.</p> : null}
      </div>
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
            Paid with
          </h2>
          <p data-testid="order-payment-descriptor">Amazon Pay · {order.paymentDescriptor ?? 'your Amazon payment method'}</p>
        </section>
      </div>
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
