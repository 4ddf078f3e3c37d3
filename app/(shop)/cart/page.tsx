import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { CartView } from '@/components/cart/cart-view';
import { AmazonPayButton } from '@/components/checkout/amazon-pay-button';
import { browserCart, getCurrentCart } from '@/lib/cart';
import { cartButtonBase } from '@/lib/checkout/button-base';
import { shopperMessageFor } from '@/lib/checkout/shopper-messages';
import { recurringTermsForCart } from '@/lib/subscriptions/terms';
import { RecurringDisclosure } from '@/components/subscriptions/recurring-disclosure';

export const metadata: Metadata = { title: 'Your cart' };

const searchSchema = z.object({
  payment: z
    .string()
    .regex(/^[A-Za-z]{1,60}$/)
    .optional()
    .catch(undefined),
  /** Set by an order's "Pay again": how many of its items could not go back into the cart. */
  unavailable: z.coerce.number().int().min(1).max(100).optional().catch(undefined),
});

export default async function CartPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { payment, unavailable } = searchSchema.parse(await searchParams);
  const cart = await getCurrentCart();
  const recurring = recurringTermsForCart(cart);
  return (
    <div className="flex flex-col gap-8">
      <h1 className="font-serif text-3xl text-ink">Your cart</h1>
      {payment ? (
        <div
          role="alert"
          data-testid="payment-message"
          className="rounded-xl border border-amber-300 bg-amber-50 px-5 py-4 text-amber-950"
        >
          <p>{shopperMessageFor(payment)}</p>
        </div>
      ) : null}
      {unavailable ? (
        <p role="status" data-testid="unavailable-message" className="rounded-xl bg-sky-50 px-5 py-4 text-sky-900">
          {unavailable === 1 ? 'One item' : `${unavailable} items`} from your order can no longer be bought, so{' '}
          {unavailable === 1 ? 'it was' : 'they were'} not added to your cart.
        </p>
      ) : null}
      {cart.lines.length === 0 ? (
        <div className="card flex flex-col items-center gap-4 p-10 text-center">
          <p className="text-lg text-ink">Your cart is empty.</p>
          <Link href="/" className="btn-primary">
            Browse the shop
          </Link>
        </div>
      ) : (
        <>
          <CartView cart={browserCart(cart)} checkout={<AmazonPayButton base={cartButtonBase(cart)} />} />
          {recurring ? <RecurringDisclosure terms={recurring} /> : null}
        </>
      )}
    </div>
  );
}
