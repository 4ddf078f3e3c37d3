import type { Metadata } from 'next';
import Link from 'next/link';
import { CartView } from '@/components/cart/cart-view';
import { getCurrentCart } from '@/lib/cart';

export const metadata: Metadata = { title: 'Your cart' };

export default async function CartPage() {
  const cart = await getCurrentCart();
  return (
    <div className="flex flex-col gap-8">
      <h1 className="font-serif text-3xl text-ink">Your cart</h1>
      {cart.lines.length === 0 ? (
        <div className="card flex flex-col items-center gap-4 p-10 text-center">
          <p className="text-lg text-ink">Your cart is empty.</p>
          <Link href="/" className="btn-primary">
            Browse the shop
          </Link>
        </div>
      ) : (
        <CartView cart={cart} />
      )}
    </div>
  );
}
