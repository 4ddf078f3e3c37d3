import type { Metadata } from 'next';
import Link from 'next/link';
import { AddressCheckout } from '@/components/checkout/address-checkout';
import { CheckoutItems } from '@/components/checkout/checkout-items';
import { CheckoutNotice } from '@/components/checkout/checkout-notice';
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
      <CheckoutNotice title="Check out with your address">
        {cart.lines.length === 0 ? 'Your cart is empty.' : 'This cart checks out with the Amazon Pay button on your cart page.'}
      </CheckoutNotice>
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
          <CheckoutItems lines={cart.lines} />
          <p className="text-xs text-ink-muted">Shipping and tax are calculated from the address you enter.</p>
          <Link href="/cart" className="text-sm text-brand-700 underline">
            Edit your cart
          </Link>
        </aside>
      </div>
    </div>
  );
}
