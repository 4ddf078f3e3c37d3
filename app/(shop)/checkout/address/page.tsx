import type { Metadata } from 'next';
import Link from 'next/link';
import { AddressCheckout } from '@/components/checkout/address-checkout';
import { Price } from '@/components/ui/price';
import { getCurrentCart } from '@/lib/cart';
import { fulfilmentOf } from '@/lib/checkout/button-payload';
import { countryName } from '@/lib/checkout/countries';
import { SHIPPING_METHOD_LABELS, type ShippingMethod } from '@/lib/checkout/pricing';
import { getConfig } from '@/lib/config';

export const metadata: Metadata = { title: 'Check out with your address', robots: { index: false } };

const SHIPPING_METHODS = Object.entries(SHIPPING_METHOD_LABELS).map(([method, label]) => ({
  method: method as ShippingMethod,
  label,
}));

export default async function AddressCheckoutPage() {
  const cart = await getCurrentCart();
  const fulfilment = fulfilmentOf(cart.lines.map((line) => ({ kind: line.product.kind })));
  // Only goods that ship need an address; subscriptions need Amazon's recurring consent.
  const usable = cart.lines.length > 0 && fulfilment !== 'digital' && fulfilment !== 'subscription';
  if (!usable) {
    return (
      <div className="card mx-auto flex max-w-xl flex-col items-center gap-4 p-10 text-center">
        <h1 className="font-serif text-2xl text-ink">Check out with your address</h1>
        <p className="text-ink-muted">
          {cart.lines.length === 0 ? 'Your cart is empty.' : 'This cart checks out with the Amazon Pay button on your cart page.'}
        </p>
        <Link href="/cart" className="btn-primary">
          Back to your cart
        </Link>
      </div>
    );
  }
  const countries = getConfig().store.shipToCountries.map((code) => ({ code, name: countryName(code) }));
  return (
    <div className="flex flex-col gap-8">
      <h1 className="font-serif text-3xl text-ink">Check out with your address</h1>
      <div className="grid gap-8 lg:grid-cols-[1fr_24rem]">
        <AddressCheckout countries={countries} shippingOptions={SHIPPING_METHODS} />
        <aside aria-labelledby="items-heading" className="card flex h-fit flex-col gap-4 p-6">
          <h2 id="items-heading" className="font-serif text-xl text-ink">
            Your items
          </h2>
          <ul className="flex flex-col gap-2 text-sm">
            {cart.lines.map((line) => (
              <li key={line.id} className="flex justify-between gap-4">
                <span>
                  {line.product.name} × {line.quantity}
                </span>
                <Price value={line.lineTotal} />
              </li>
            ))}
          </ul>
          <p className="text-xs text-ink-muted">Shipping and tax are calculated from the address you enter.</p>
          <Link href="/cart" className="text-sm text-brand-700 underline">
            Edit your cart
          </Link>
        </aside>
      </div>
    </div>
  );
}
