import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { cartIdSchema, checkoutSessionIdSchema } from '@/lib/ids';
import { AddressBlock } from '@/components/checkout/address-block';
import { CheckoutItems } from '@/components/checkout/checkout-items';
import { CheckoutNotice } from '@/components/checkout/checkout-notice';
import { ChangeLink } from '@/components/checkout/change-link';
import { PlaceOrderButton } from '@/components/checkout/place-order-button';
import { OrderTotals } from '@/components/ui/order-totals';
import { formatPrice, Price } from '@/components/ui/price';
import { checkoutReviewPath } from '@/lib/checkout/return-paths';
import { loadCheckoutReview } from '@/lib/checkout/review';
import { recurringTermsForCart } from '@/lib/subscriptions/terms';
import { RecurringDisclosure } from '@/components/subscriptions/recurring-disclosure';
import { findPlacedCheckoutOrderNumber } from '@/lib/orders/shopper/visible-order';

export const metadata: Metadata = { title: 'Review your order', robots: { index: false } };

const searchSchema = z.object({
  amazonCheckoutSessionId: checkoutSessionIdSchema,
  shipping: z.enum(['standard', 'express']).catch('standard'),
  /** A "buy now" checkout's own cart (see signCheckoutButton). */
  cart: cartIdSchema.optional(),
});

interface ReviewPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function CheckoutReviewPage({ searchParams }: ReviewPageProps) {
  const parsed = searchSchema.safeParse(await searchParams);
  if (!parsed.success)
    return <CheckoutNotice title="Checkout link not valid">Please start the checkout again from your cart.</CheckoutNotice>;
  const { amazonCheckoutSessionId: checkoutSessionId, shipping, cart: buyNowCartId } = parsed.data;
  // Back from the confirmation returns here: an order already placed from this checkout is where the shopper belongs.
  const placedNumber = await findPlacedCheckoutOrderNumber(checkoutSessionId);
  if (placedNumber) redirect(`/orders/${placedNumber}`);
  const view = await loadCheckoutReview(checkoutSessionId, shipping, buyNowCartId);
  if (view.kind === 'unavailable') return <CheckoutNotice title="We could not load your checkout">{view.message}</CheckoutNotice>;
  if (view.kind === 'ended') {
    return (
      <CheckoutNotice title="This checkout has ended">
        Your Amazon Pay session is no longer open. Please start again from your cart.
      </CheckoutNotice>
    );
  }

  const { cart, review, totals, problem, ships, shippingOptions: options, scriptUrl, snapshot } = view;
  const recurring = recurringTermsForCart(cart, { countryCode: review.shippingAddress?.countryCode, method: shipping });

  return (
    <div className="flex flex-col gap-8">
      <h1 className="font-serif text-3xl text-ink">Review your order</h1>
      <div className="grid gap-8 lg:grid-cols-[1fr_24rem]">
        <div className="flex flex-col gap-6">
          <section aria-labelledby="buyer-heading" className="card p-6">
            <h2 id="buyer-heading" className="mb-2 font-serif text-xl text-ink">
              Your Amazon account
            </h2>
            <p className="text-ink" data-testid="buyer-name">
              {review.buyer?.name}
            </p>
            <p className="text-sm text-ink-muted" data-testid="buyer-email">
              {review.buyer?.email}
            </p>
          </section>
          {ships ? (
            <section aria-labelledby="address-heading" className="card p-6">
              <div className="mb-2 flex items-baseline justify-between">
                <h2 id="address-heading" className="font-serif text-xl text-ink">
                  Shipping address
                </h2>
                <ChangeLink
                  scriptUrl={scriptUrl}
                  checkoutSessionId={checkoutSessionId}
                  changeAction="changeAddress"
                  label="Change address"
                />
              </div>
              {review.shippingAddress ? (
                <AddressBlock address={review.shippingAddress} />
              ) : (
                <p className="text-ink-muted">No address chosen yet.</p>
              )}
            </section>
          ) : null}
          <section aria-labelledby="payment-heading" className="card p-6">
            <div className="mb-2 flex items-baseline justify-between">
              <h2 id="payment-heading" className="font-serif text-xl text-ink">
                Payment
              </h2>
              <ChangeLink
                scriptUrl={scriptUrl}
                checkoutSessionId={checkoutSessionId}
                changeAction="changePayment"
                label="Change payment"
              />
            </div>
            <p className="text-ink" data-testid="payment-descriptor">
              {review.paymentDescriptor ?? 'Your Amazon Pay payment method'}
            </p>
          </section>
          {options.length > 0 ? (
            <section aria-labelledby="shipping-heading" className="card p-6">
              <h2 id="shipping-heading" className="mb-3 font-serif text-xl text-ink">
                Delivery
              </h2>
              <ul className="flex flex-col gap-2">
                {options.map((option) => (
                  <li key={option.method}>
                    <Link
                      href={checkoutReviewPath({
                        cart: buyNowCartId,
                        amazonCheckoutSessionId: checkoutSessionId,
                        shipping: option.method,
                      })}
                      replace
                      scroll={false}
                      aria-current={option.method === shipping ? 'true' : undefined}
                      className={`flex justify-between rounded-xl border px-4 py-3 text-sm ${
                        option.method === shipping
                          ? 'border-brand-600 bg-brand-50 font-semibold'
                          : 'border-black/10 hover:bg-brand-50'
                      }`}
                    >
                      <span>{option.label}</span>
                      <Price value={option.price} />
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
        <aside aria-labelledby="total-heading" className="card flex h-fit flex-col gap-4 p-6">
          <h2 id="total-heading" className="font-serif text-xl text-ink">
            Order total
          </h2>
          <CheckoutItems lines={cart.lines} />
          <OrderTotals totals={totals} ships={ships} testIdPrefix="review" ruled />
          {problem ? (
            <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="checkout-problem">
              {problem}
            </p>
          ) : null}
          <PlaceOrderButton
            checkoutSessionId={checkoutSessionId}
            shippingMethod={shipping}
            snapshot={snapshot}
            buyNowCartId={buyNowCartId}
            disabled={problem !== null}
            totalLabel={formatPrice(totals.total)}
          />
          {recurring ? <RecurringDisclosure terms={recurring} /> : null}
          <p className="text-xs text-ink-muted" data-testid="charge-timing">
            You will confirm the payment with Amazon Pay. Nothing is charged until then
            {recurring
              ? `; then ${formatPrice(totals.total)} is charged for this order and the amount above every month until you cancel.`
              : '.'}
          </p>
        </aside>
      </div>
    </div>
  );
}
