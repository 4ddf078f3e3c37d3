'use client';

import { useRouter } from 'next/navigation';
import { useState, useSyncExternalStore, useTransition } from 'react';
import { placeOrderAction } from './actions';

const noSubscription = () => () => {};

export function PlaceOrderButton({
  checkoutSessionId,
  shippingMethod,
  snapshot,
  disabled,
  totalLabel,
  buyNowCartId,
}: {
  checkoutSessionId: string;
  shippingMethod: 'standard' | 'express';
  /** The review page's snapshot token: the order is placed only as the shopper sees it here. */
  snapshot: string;
  disabled: boolean;
  totalLabel: string;
  /** A "buy now" checkout pays for its own cart, not the shopper's. */
  buyNowCartId?: string | undefined;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  // False in the server's HTML and while hydrating, true once React has attached the click handler: until then a
  // click would do nothing, so the button stays disabled (https://react.dev/reference/react/useSyncExternalStore).
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  function placeOrder() {
    setError(null);
    startTransition(async () => {
      // On success the action redirects to Amazon; it only returns on failure.
      const result = await placeOrderAction({ checkoutSessionId, shippingMethod, confirmedSnapshot: snapshot, buyNowCartId });
      if (!result.ok) {
        setError(result.message);
        // Re-render the review from the server, so a changed cart shows its new lines and total.
        router.refresh();
      }
    });
  }

  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        className="btn-primary w-full py-3 text-base"
        disabled={disabled || pending || !hydrated}
        onClick={placeOrder}
      >
        {pending ? 'Placing your order…' : `Place order · ${totalLabel}`}
      </button>
      <p role="status" aria-live="polite" className={error ? 'text-sm text-red-700' : 'sr-only'}>
        {error}
      </p>
    </div>
  );
}
