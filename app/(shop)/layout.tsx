import type { ReactNode } from 'react';
import { OfflineSandboxBanner } from '@/components/layout/offline-sandbox-banner';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { getCurrentCart } from '@/lib/cart';
import { getConfig } from '@/lib/config';

export default async function ShopLayout({ children }: { children: ReactNode }) {
  const config = getConfig();
  const cart = await getCurrentCart();
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 btn-secondary">
        Skip to content
      </a>
      {config.amazonPay.mode === 'offline' ? <OfflineSandboxBanner /> : null}
      <SiteHeader storeName={config.store.name} cartItemCount={cart.itemCount} />
      <main id="main" className="mx-auto w-full max-w-shop flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
      <SiteFooter storeName={config.store.name} />
    </div>
  );
}
