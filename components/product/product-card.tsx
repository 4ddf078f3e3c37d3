import Image from 'next/image';
import Link from 'next/link';
import { PRODUCT_KIND_LABELS, type Product } from '@/lib/catalog/types';
import { Price } from '@/components/ui/price';

export function ProductCard({ product }: { product: Product }) {
  return (
    <li className="card group overflow-hidden">
      <Link href={`/products/${product.slug}`} className="flex h-full flex-col">
        <div className="relative aspect-square overflow-hidden bg-brand-50">
          <Image
            src={product.imagePath}
            alt={product.name}
            fill
            sizes="(min-width: 1024px) 22rem, (min-width: 640px) 45vw, 90vw"
            className="object-cover transition-transform duration-300 group-hover:scale-105"
          />
        </div>
        <div className="flex flex-1 flex-col gap-1 p-4">
          <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{PRODUCT_KIND_LABELS[product.kind]}</p>
          <h3 className="font-serif text-lg text-ink">{product.name}</h3>
          <p className="text-sm text-ink-muted">{product.tagline}</p>
          <Price value={product.price} className="mt-auto pt-2 text-base font-semibold text-ink" />
        </div>
      </Link>
    </li>
  );
}
