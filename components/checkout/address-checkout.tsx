'use client';

import { useActionState, useCallback, useState } from 'react';
import type { ShippingOption } from '@/lib/checkout/pricing';
import { Alert } from '@/components/ui/alert';
import { OrderTotals } from '@/components/ui/order-totals';
import { formatPrice } from '@/components/ui/price';
import { AddressBlock } from './address-block';
import { priceAddressAction, signAddressButtonAction } from './address-actions';
import { AddressFields, type CountryOption } from './address-fields';
import { AmazonButton } from './amazon-button';
import type { AddressCheckoutState } from './address-state';

/**
 * "Check out with your address": the shopper enters the address here, the server prices it,
 * and the Amazon Pay button pays the total shown
 * (https://developer.amazon.com/docs/amazon-pay-apb-checkout/additional-payment-button-overview.html).
 */
export function AddressCheckout({
  countries,
  shippingOptions,
}: {
  countries: CountryOption[];
  shippingOptions: Pick<ShippingOption, 'method' | 'label'>[];
}) {
  const [state, formAction, pending] = useActionState<AddressCheckoutState, FormData>(priceAddressAction, { values: {} });
  // The quote whose address the shopper chose to change: the form shows again until the next one.
  const [changing, setChanging] = useState<AddressCheckoutState['quote']>(undefined);
  const quote = state.quote && state.quote !== changing ? state.quote : undefined;
  const form = quote?.form;
  const snapshot = quote?.snapshot;
  const sign = useCallback(
    () =>
      form && snapshot
        ? signAddressButtonAction({ form, confirmedSnapshot: snapshot })
        : Promise.resolve({ ok: false as const, message: 'Please enter your address again.' }),
    [form, snapshot],
  );

  if (!quote) {
    return (
      <form action={formAction} noValidate className="card flex flex-col gap-4 p-6" aria-labelledby="address-form-heading">
        <h2 id="address-form-heading" className="font-serif text-xl text-ink">
          Shipping address
        </h2>
        <AddressFields
          key={JSON.stringify(state.values)}
          values={state.values}
          errors={state.errors ?? {}}
          countries={countries}
          shippingOptions={shippingOptions}
        />
        <p aria-live="polite" data-testid="address-form-message" className={state.message ? 'text-sm text-red-700' : 'sr-only'}>
          {state.message ?? ''}
        </p>
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? 'Calculating…' : 'Continue to payment'}
        </button>
      </form>
    );
  }

  return (
    <section aria-labelledby="address-total-heading" className="card flex flex-col gap-4 p-6">
      <div className="flex items-baseline justify-between">
        <h2 id="address-total-heading" className="font-serif text-xl text-ink">
          Ship to
        </h2>
        <button type="button" className="text-sm text-brand-700 underline" onClick={() => setChanging(quote)}>
          Change address
        </button>
      </div>
      <AddressBlock address={quote.address} />
      <p className="text-sm text-ink-muted" data-testid="address-shipping-method">
        {shippingOptions.find((option) => option.method === quote.shippingMethod)?.label}
      </p>
      <OrderTotals totals={quote.totals} testIdPrefix="address" ruled />
      {quote.problem ? (
        <Alert testId="checkout-problem">{quote.problem}</Alert>
      ) : (
        <>
          <AmazonButton base={quote.button} sign={sign} label={`Pay ${formatPrice(quote.totals.total)} with Amazon Pay`} />
          <p className="text-xs text-ink-muted" data-testid="charge-timing">
            You confirm the payment of {formatPrice(quote.totals.total)} on Amazon Pay. Nothing is charged until then.
          </p>
        </>
      )}
    </section>
  );
}
