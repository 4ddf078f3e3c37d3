'use client';

import Image from 'next/image';
import Link from 'next/link';
import { useId } from 'react';
import type { CartLine } from '@/lib/cart/cart';
import { Price } from '@/components/ui/price';

export function CartLineRow({ line, onChange }: { line: CartLine; onChange: (lineId: string, quantity: number) => void }) {
  const quantityId = useId();
  return (
    <li className="flex gap-4 p-4 sm:p-6" data-testid="cart-line" data-slug={line.product.slug}>
      <Link
        href={`/products/${line.product.slug}`}
        className="relative h-24 w-24 shrink-0 overflow-hidden rounded-xl bg-brand-50"
      >
        <Image src={line.product.imagePath} alt={line.product.name} fill sizes="6rem" className="object-cover" />
      </Link>
      <div className="flex min-w-0 flex-1 flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <Link href={`/products/${line.product.slug}`} className="font-serif text-lg text-ink hover:underline">
            {line.product.name}
          </Link>
          <p className="text-sm text-ink-muted">
            <Price value={line.product.price} /> each
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <label htmlFor={quantityId} className="sr-only">
            Quantity of {line.product.name}
          </label>
          <select
            id={quantityId}
            value={line.quantity}
            onChange={(event) => onChange(line.id, Number(event.target.value))}
            className="rounded-lg border border-black/15 bg-white px-3 py-2 text-sm"
          >
            {Array.from({ length: Math.max(line.maxQuantity, line.quantity) }, (_, index) => index + 1).map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
          <Price value={line.lineTotal} className="w-20 text-right font-semibold text-ink" />
          <button
            type="button"
            onClick={() => onChange(line.id, 0)}
            className="rounded-full px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50"
            aria-label={`Remove ${line.product.name}`}
          >
            Remove
          </button>
        </div>
      </div>
    </li>
  );
}
