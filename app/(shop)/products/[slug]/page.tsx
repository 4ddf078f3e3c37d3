import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ProductPurchase } from '@/components/product/product-purchase';
import { Price } from '@/components/ui/price';
import { getProduct, PRODUCT_KIND_LABELS } from '@/lib/catalog';
import { maxQuantityFor } from '@/lib/cart/limits';
import { productButtonBase } from '@/lib/checkout/button-base';

interface ProductPageProps {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: ProductPageProps): Promise<Metadata> {
  const product = await getProduct((await params).slug);
  return product ? { title: product.name, description: product.tagline } : { title: 'Product not found' };
}

export default async function ProductPage({ params }: ProductPageProps) {
  const product = await getProduct((await params).slug);
  if (!product) notFound();
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
        <ProductPurchase slug={product.slug} maxQuantity={maxQuantityFor(product.kind)} buyNowBase={productButtonBase(product)} />
        <ul className="mt-2 space-y-1 text-sm text-ink-muted">
          {product.kind === 'digital' ? <li>Delivered by download link as soon as your payment is confirmed.</li> : null}
          {product.kind === 'physical' ? <li>Free standard shipping on orders over the threshold shown in your cart.</li> : null}
          {product.kind === 'subscription' ? <li>Renews monthly through Amazon Pay. Cancel any time.</li> : null}
          <li>Pay with the cards and addresses saved in your Amazon account.</li>
        </ul>
      </div>
    </article>
  );
}
