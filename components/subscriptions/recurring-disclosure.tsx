import Link from 'next/link';
import { formatPrice } from '@/components/ui/price';
import { dueDateInWords } from '@/lib/orders/payments/renewal';
import type { RecurringTerms } from '@/lib/subscriptions/terms';

/**
 * The recurring-payment terms, stated the same way on the product page, the cart, the
 * review page and the order confirmation: amount, frequency, next charge and how to cancel.
 */
export function RecurringDisclosure({ terms, className }: { terms: RecurringTerms; className?: string }) {
  const amount = formatPrice(terms.amount);
  return (
    <section
      aria-label="Subscription terms"
      data-testid="recurring-disclosure"
      className={`rounded-xl border border-brand-600/30 bg-brand-50 px-4 py-3 text-sm text-ink ${className ?? ''}`}
    >
      <p>
        <strong data-testid="recurring-amount">{amount}</strong>
        {terms.estimated
          ? ' (with standard shipping; shipping and tax follow the address you choose at checkout)'
          : ' (shipping and tax included)'}{' '}
        is charged <strong data-testid="recurring-frequency">every month</strong> to your Amazon Pay payment method until you
        cancel.
      </p>
      <p data-testid="recurring-next-charge">
        Next charge: {terms.nextChargeAt ? <strong>{dueDateInWords(terms.nextChargeAt)}</strong> : 'one month after your order.'}
      </p>
      <p>
        Cancel any time from{' '}
        <Link href="/account" className="underline">
          your account
        </Link>
        ; no further charge is made after you cancel.
      </p>
    </section>
  );
}
