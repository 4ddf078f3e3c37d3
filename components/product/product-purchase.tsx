'use client';

import { useState } from 'react';
import type { AmazonButtonBase } from '@/lib/amazon-pay/server';
import { AmazonPayButton } from '@/components/checkout/amazon-pay-button';
import { AddToCartForm } from './add-to-cart-form';

/** Add to cart and "buy now" share one quantity: buy now pays for exactly what is chosen here. */
export function ProductPurchase({
  slug,
  maxQuantity,
  buyNowBase,
}: {
  slug: string;
  maxQuantity: number;
  buyNowBase: AmazonButtonBase;
}) {
  const [quantity, setQuantity] = useState(1);
  return (
    <>
      <AddToCartForm slug={slug} maxQuantity={maxQuantity} quantity={quantity} onQuantityChange={setQuantity} />
      {maxQuantity > 0 ? (
        <div className="flex flex-col gap-2 border-t border-black/5 pt-4">
          <p className="text-sm text-ink-muted">
            Or buy it now with Amazon Pay: just this, on its own order. Your cart stays as it is.
          </p>
          <AmazonPayButton base={buyNowBase} buyNow={{ slug, quantity }} />
        </div>
      ) : null}
    </>
  );
}
