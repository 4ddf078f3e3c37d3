'use client';

import Link from 'next/link';
import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { addToCartAction } from '@/components/cart/actions';
import { FormField } from '@/components/ui/form-field';

/**
 * The quantity is the caller's, so "buy now" next to this form buys the same quantity.
 * maxQuantity 0 means none are left: the button stays, disabled, so the shopper sees why.
 */
export function AddToCartForm({
  slug,
  maxQuantity,
  quantity,
  onQuantityChange,
}: {
  slug: string;
  maxQuantity: number;
  quantity: number;
  onQuantityChange: (quantity: number) => void;
}) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const quantityId = useId();
  const statusId = useId();
  const statusRef = useRef<HTMLParagraphElement>(null);
  // The outcome takes focus, so keyboard and screen-reader users hear it and can reach "View cart".
  useEffect(() => {
    if (result) statusRef.current?.focus();
  }, [result]);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    startTransition(async () => {
      const outcome = await addToCartAction({ slug, quantity });
      setResult(outcome.ok ? { ok: true, message: 'Added to your cart.' } : { ok: false, message: outcome.message });
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-describedby={statusId}>
      {maxQuantity > 1 ? (
        <FormField id={quantityId} label="Quantity" inline>
          <select
            id={quantityId}
            value={quantity}
            onChange={(event) => onQuantityChange(Number(event.target.value))}
            className="rounded-lg border border-black/15 bg-white px-3 py-2 text-sm"
          >
            {Array.from({ length: maxQuantity }, (_, index) => index + 1).map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </FormField>
      ) : null}
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending || maxQuantity === 0}>
        {maxQuantity === 0 ? 'Out of stock' : pending ? 'Adding…' : 'Add to cart'}
      </button>
      <p
        ref={statusRef}
        tabIndex={-1}
        id={statusId}
        aria-live="polite"
        role="status"
        className="min-h-5 text-sm focus:outline-none"
      >
        {result ? (
          result.ok ? (
            <span className="text-brand-700">
              {result.message}{' '}
              <Link href="/cart" className="font-semibold underline">
                View cart
              </Link>
            </span>
          ) : (
            <span className="text-red-700">{result.message}</span>
          )
        ) : null}
      </p>
    </form>
  );
}
