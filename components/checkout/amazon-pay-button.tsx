'use client';

import { useCallback } from 'react';
import { signCheckoutButtonAction } from './actions';
import { AmazonButton } from './amazon-button';
import type { AmazonButtonBase } from '@/lib/amazon-pay/server';

/** The Amazon Pay button for the cart, or "buy now" on a product page (placement Product). */
export function AmazonPayButton({ base, slug }: { base: AmazonButtonBase; slug?: string }) {
  const sign = useCallback(
    () => signCheckoutButtonAction(base.placement === 'Product' && slug ? { placement: 'Product', slug } : { placement: 'Cart' }),
    [base.placement, slug],
  );
  return <AmazonButton base={base} sign={sign} label="Pay with Amazon Pay" />;
}
