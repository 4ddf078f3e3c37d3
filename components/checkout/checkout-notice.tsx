import Link from 'next/link';
import type { ReactNode } from 'react';

/** A checkout page that cannot go on: what happened, and the way back to the cart. */
export function CheckoutNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="card mx-auto flex max-w-xl flex-col items-center gap-4 p-10 text-center">
      <h1 className="font-serif text-2xl text-ink">{title}</h1>
      <p className="text-ink-muted">{children}</p>
      <Link href="/cart" className="btn-primary">
        Back to your cart
      </Link>
    </div>
  );
}
