import type { ReactNode } from 'react';
import Link from 'next/link';
import type { BrowserCart } from '@/lib/cart/cart';
import { freeShippingHint } from '@/lib/checkout/pricing';
import type { Money } from '@/lib/money';
import { formatPrice, Price } from '@/components/ui/price';

export function CartSummary({
  cart,
  estimatedTotal,
  checkout,
}: {
  cart: BrowserCart;
  estimatedTotal: Money;
  checkout: ReactNode;
}) {
  const hint = freeShippingHint(
    cart.lines.map((line) => ({ kind: line.product.kind, unitPrice: line.product.price, quantity: line.quantity })),
    cart.currency,
  );
  return (
    <aside aria-labelledby="summary-heading" className="card flex h-fit flex-col gap-4 p-6">
      <h2 id="summary-heading" className="font-serif text-xl text-ink">
        Order summary
      </h2>
      <dl className="space-y-2 text-sm">
        <div className="flex justify-between">
          <dt className="text-ink-muted">
            Subtotal ({cart.itemCount} {cart.itemCount === 1 ? 'item' : 'items'})
          </dt>
          <dd data-testid="cart-subtotal" className="font-medium text-ink">
            <Price value={cart.subtotal} />
          </dd>
        </div>
        <div className="flex justify-between">
          <dt className="text-ink-muted">{cart.ships ? 'Estimated shipping' : 'Shipping'}</dt>
          <dd data-testid="cart-shipping" className="font-medium text-ink">
            {cart.ships ? <Price value={cart.estimatedShipping} /> : 'Not needed'}
          </dd>
        </div>
        <div className="flex justify-between border-t border-black/5 pt-3 text-base">
          <dt className="font-semibold text-ink">Estimated total</dt>
          <dd data-testid="cart-total" className="font-semibold text-ink">
            <Price value={estimatedTotal} />
          </dd>
        </div>
      </dl>
      {hint ? (
        <p className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-ink" data-testid="free-shipping-hint">
          {hint.remaining.amount > 0
            ? `Add ${formatPrice(hint.remaining)} more of goods that ship for free standard shipping (from ${formatPrice(hint.threshold)}).`
            : `Your order ships free by standard shipping (from ${formatPrice(hint.threshold)}).`}
        </p>
      ) : null}
      <p className="text-xs text-ink-muted">
        Tax and the final shipping price are calculated from your address when you check out.
      </p>
      {checkout}
      {cart.ships && !cart.lines.some((line) => line.product.kind === 'subscription') ? (
        <Link href="/checkout/address" className="btn-secondary text-center" data-testid="address-checkout-link">
          Check out with your address
        </Link>
      ) : null}
    </aside>
  );
}
