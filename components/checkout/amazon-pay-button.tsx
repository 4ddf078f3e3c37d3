'use client';

import { useCallback } from 'react';
import { signCheckoutButtonAction } from './actions';
import { AmazonButton } from './amazon-button';
import type { AmazonButtonBase } from '@/lib/amazon-pay/server';

/** The Amazon Pay button for the cart, or "buy now" of a quantity of one product (placement Product). */
export function AmazonPayButton({ base, buyNow }: { base: AmazonButtonBase; buyNow?: { slug: string; quantity: number } }) {
  const slug = buyNow?.slug;
  const quantity = buyNow?.quantity ?? 1;
  const sign = useCallback(
    () =>
      signCheckoutButtonAction(
        base.placement === 'Product' && slug ? { placement: 'Product', slug, quantity } : { placement: 'Cart' },
      ),
    [base.placement, slug, quantity],
  );
  return <AmazonButton base={base} sign={sign} label="Pay with Amazon Pay" />;
}
