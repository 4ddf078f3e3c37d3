'use client';

import { useEffect, useOptimistic, useRef, useState, useTransition, type ReactNode } from 'react';
import { addMoney, money, multiplyMoney, sumMoney } from '@/lib/money';
import type { BrowserCart } from '@/lib/cart/cart';
import { removeCartLineAction, updateCartLineAction } from './actions';
import { CartLineRow } from './cart-line-row';
import { CartSummary } from './cart-summary';

type LineChange = { lineId: string; quantity: number };

/** Applies a pending change so the page answers at once; the server's cart replaces it on refresh. */
function applyChange(cart: BrowserCart, change: LineChange): BrowserCart {
  const lines = cart.lines
    .map((line) =>
      line.id === change.lineId
        ? { ...line, quantity: change.quantity, lineTotal: multiplyMoney(line.product.price, change.quantity) }
        : line,
    )
    .filter((line) => line.quantity > 0);
  return {
    ...cart,
    lines,
    itemCount: lines.reduce((total, line) => total + line.quantity, 0),
    subtotal: sumMoney(
      lines.map((line) => line.lineTotal),
      cart.currency,
    ),
    // The shipping estimate depends on server rules; keep the last one until the server answers.
    estimatedShipping: lines.some((line) => line.product.kind !== 'digital') ? cart.estimatedShipping : money(0, cart.currency),
  };
}

export function CartView({ cart, checkout }: { cart: BrowserCart; checkout: ReactNode }) {
  const [optimisticCart, applyOptimistic] = useOptimistic(cart, applyChange);
  const [, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  // The removed row takes the focus with it; the status that says what happened receives it.
  useEffect(() => {
    if (removed) statusRef.current?.focus();
  }, [removed]);

  function change(lineId: string, quantity: number) {
    setError(null);
    setRemoved(null);
    const name = cart.lines.find((line) => line.id === lineId)?.product.name;
    startTransition(async () => {
      applyOptimistic({ lineId, quantity });
      const result = quantity === 0 ? await removeCartLineAction({ lineId }) : await updateCartLineAction({ lineId, quantity });
      if (!result.ok) setError(result.message);
      else if (quantity === 0) setRemoved(`Removed ${name ?? 'the item'} from your cart.`);
    });
  }

  const estimatedTotal = addMoney(optimisticCart.subtotal, optimisticCart.estimatedShipping);

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <section aria-label="Items in your cart" className="card divide-y divide-black/5">
        <p role="alert" aria-live="assertive" className={error ? 'px-6 py-3 text-sm text-red-700' : 'sr-only'}>
          {error}
        </p>
        <p
          ref={statusRef}
          tabIndex={-1}
          role="status"
          aria-live="polite"
          data-testid="cart-status"
          className={removed ? 'px-6 py-3 text-sm text-ink focus:outline-none' : 'sr-only'}
        >
          {removed}
        </p>
        <ul className="divide-y divide-black/5">
          {optimisticCart.lines.map((line) => (
            <CartLineRow key={line.id} line={line} onChange={change} />
          ))}
        </ul>
      </section>
      <CartSummary cart={optimisticCart} estimatedTotal={estimatedTotal} checkout={checkout} />
    </div>
  );
}
