import type { Metadata } from 'next';
import Link from 'next/link';
import { ShopperSignOutButton } from '@/components/account/shopper-sign-out-button';
import { AmazonSignInButton } from '@/components/checkout/amazon-sign-in-button';
import { SubscriptionsSection } from '@/components/account/subscriptions-section';
import { DownloadsSection } from '@/components/orders/downloads-section';
import { formatUtcDay } from '@/components/ui/format-time';
import { formatPrice } from '@/components/ui/price';
import { getSession } from '@/lib/auth';
import { signInButtonBase } from '@/lib/checkout/button-base';
import { signSignInButton } from '@/lib/checkout/button-signing';
import { getDb } from '@/lib/db';
import { downloadLinksFor } from '@/lib/downloads';
import { listOrdersForBuyer } from '@/lib/orders/shopper/queries';
import { checkoutScriptUrl } from '@/lib/amazon-pay/server';
import { listVisibleSubscriptions } from '@/lib/subscriptions/visible';

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };

export default async function AccountPage() {
  const session = await getSession();
  if (session?.user.role === 'admin') {
    // Admin sessions never show a shopper's account.
    return (
      <div className="card mx-auto max-w-md p-10 text-center">
        <h1 className="font-serif text-2xl text-ink">You are signed in as the store admin</h1>
        <p className="mt-2 text-ink-muted">
          Sign out of the{' '}
          <Link href="/admin" className="underline">
            admin area
          </Link>{' '}
          to use a shopper account.
        </p>
      </div>
    );
  }
  const buyerId = session?.user.role === 'shopper' ? session.user.buyerId : undefined;
  const subscriptions = await listVisibleSubscriptions();
  if (!session || !buyerId) {
    return (
      <div className="flex flex-col gap-6">
        <div className="card mx-auto flex max-w-md flex-col gap-4 p-10 text-center">
          <h1 className="font-serif text-3xl text-ink">Your account</h1>
          <p className="text-ink-muted">
            Sign in with your Amazon account to see your orders. We never see your Amazon password.
          </p>
          <AmazonSignInButton base={signInButtonBase()} signed={await signSignInButton()} />
        </div>
        <SubscriptionsSection subscriptions={subscriptions} />
      </div>
    );
  }
  const [orders, downloads] = await Promise.all([listOrdersForBuyer(await getDb(), buyerId), downloadLinksFor({ buyerId })]);
  return (
    <div className="flex flex-col gap-6">
      <div className="card flex flex-col gap-1 p-6 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <h1 className="font-serif text-3xl text-ink" data-testid="account-name">
            {session.user.name}
          </h1>
          <p className="text-ink-muted" data-testid="account-email">
            {session.user.email}
          </p>
        </div>
        <ShopperSignOutButton scriptUrl={checkoutScriptUrl()} />
      </div>
      <SubscriptionsSection subscriptions={subscriptions} />
      <DownloadsSection downloads={downloads} showOrderNumber />
      <section aria-labelledby="history-heading" className="card p-6">
        <h2 id="history-heading" className="mb-3 font-serif text-xl text-ink">
          Order history
        </h2>
        {orders.length === 0 ? (
          <p className="text-ink-muted">No orders yet.</p>
        ) : (
          <ul className="divide-y divide-black/5">
            {orders.map((order) => (
              <li
                key={order.number}
                data-testid="history-order"
                className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-3 text-sm"
              >
                <Link
                  href={`/orders/${order.number}`}
                  className="font-mono font-semibold whitespace-nowrap text-brand-700 hover:underline"
                >
                  {order.number}
                </Link>
                <span className="whitespace-nowrap">{formatUtcDay(order.createdAt)}</span>
                <span>{order.statusLabel}</span>
                <span className="font-semibold">{formatPrice(order.total)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
