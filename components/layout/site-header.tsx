import Image from 'next/image';
import Link from 'next/link';

export function SiteHeader({ storeName, cartItemCount }: { storeName: string; cartItemCount: number }) {
  const itemLabel = `${cartItemCount} ${cartItemCount === 1 ? 'item' : 'items'}`;
  return (
    <header className="border-b border-black/5 bg-white/80 backdrop-blur">
      {/* A long store name wraps the nav onto a line of its own rather than widening the page. */}
      <div className="mx-auto flex max-w-shop flex-wrap items-center justify-between gap-x-3 gap-y-2 px-4 py-4 sm:gap-x-4 sm:px-6">
        <Link href="/" className="flex min-w-0 items-center gap-3 text-lg font-semibold tracking-tight text-brand-900">
          <Image src="/logo.svg" alt="" width={36} height={36} priority className="shrink-0" />
          <span className="min-w-0 font-serif text-xl">{storeName}</span>
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1 text-sm font-medium sm:gap-6">
          <Link href="/" className="rounded-full px-2 py-2 text-ink-muted hover:text-ink sm:px-3">
            Shop
          </Link>
          <Link href="/account" className="rounded-full px-2 py-2 text-ink-muted hover:text-ink sm:px-3">
            Account
          </Link>
          <Link
            href="/cart"
            className="inline-flex items-center gap-2 rounded-full border border-brand-200 bg-brand-50 px-3 py-2 text-brand-900 hover:bg-brand-100 sm:px-4"
            aria-label={`Cart, ${itemLabel}`}
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8">
              <path
                d="M3 4h2l2.4 11.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L21 8H6.2"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
              <circle cx="10" cy="20" r="1.3" />
              <circle cx="17" cy="20" r="1.3" />
            </svg>
            {/* The link's aria-label names it; on a phone the icon and count say it in less room. */}
            <span className="hidden sm:inline">Cart</span>
            <span
              data-testid="cart-count"
              className="min-w-6 rounded-full bg-brand-700 px-2 py-0.5 text-center text-xs text-white"
            >
              {cartItemCount}
            </span>
          </Link>
        </nav>
      </div>
    </header>
  );
}
