import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ProductPurchase } from '@/components/product/product-purchase';
import { Price } from '@/components/ui/price';
import { getProduct, getStockLevel, PRODUCT_KIND_LABELS } from '@/lib/catalog';
import { purchasableQuantity, stockNotice } from '@/lib/catalog/stock';
import { maxQuantityFor } from '@/lib/cart/limits';
import { productButtonBase } from '@/lib/checkout/button-base';
import { recurringTermsBeforePurchase } from '@/lib/subscriptions/terms';
import { RecurringDisclosure } from '@/components/subscriptions/recurring-disclosure';

interface ProductPageProps {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: ProductPageProps): Promise<Metadata> {
  const product = await getProduct((await params).slug);
  return product ? { title: product.name, description: product.tagline } : { title: 'Product not found' };
}

export default async function ProductPage({ params }: ProductPageProps) {
  // Per request: the stock below is read from the database, past the catalog cache.
  await connection();
  const product = await getProduct((await params).slug);
  if (!product) notFound();
  const stock = await getStockLevel(product.id);
  const notice = stockNotice(stock);
  const available = purchasableQuantity(maxQuantityFor(product.kind), stock);
  const recurring = recurringTermsBeforePurchase(
    [{ kind: product.kind, unitPrice: product.price, quantity: 1 }],
    product.price.currency,
  );
  return (
    <article className="grid gap-10 md:grid-cols-2">
      <div className="card relative aspect-square overflow-hidden bg-brand-50">
        <Image
          src={product.imagePath}
          alt={product.name}
          fill
          priority
          sizes="(min-width: 768px) 36rem, 90vw"
          className="object-cover"
        />
      </div>
      <div className="flex flex-col gap-5">
        <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
          <Link href="/" className="hover:underline">
            Shop
          </Link>{' '}
          / <span aria-current="page">{product.name}</span>
        </nav>
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{PRODUCT_KIND_LABELS[product.kind]}</p>
        <h1 className="font-serif text-4xl text-ink">{product.name}</h1>
        <p className="text-lg text-ink-muted">{product.tagline}</p>
        <p className="text-2xl font-semibold text-ink">
          <Price value={product.price} />
          {product.kind === 'subscription' ? <span className="text-base font-normal text-ink-muted"> / month</span> : null}
        </p>
        <p className="leading-relaxed text-ink">{product.description}</p>
        {recurring ? <RecurringDisclosure terms={recurring} /> : null}
        {notice ? (
          <p className={available === 0 ? 'font-semibold text-red-700' : 'font-semibold text-brand-700'}>{notice}</p>
        ) : null}
        <ProductPurchase slug={product.slug} maxQuantity={available} buyNowBase={productButtonBase(product)} />
        <ul className="mt-2 space-y-1 text-sm text-ink-muted">
          {product.kind === 'digital' ? <li>Delivered by download link as soon as your payment is confirmed.</li> : null}
          {product.kind === 'physical' ? <li>Free standard shipping on orders over the threshold shown in your cart.</li> : null}
          {product.kind === 'subscription' ? <li>Renews monthly through Amazon Pay.</li> : null}
          <li>Pay with the cards and addresses saved in your Amazon account.</li>
        </ul>
      </div>
    </article>
  );
}
