import Image from 'next/image';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { MenuDisclosure } from '@/components/ui/menu-disclosure';
import { SignOutButton } from '@/components/ui/sign-out-button';

const NAV = [
  { href: '/admin', label: 'Dashboard' },
  { href: '/admin/orders', label: 'Orders' },
  { href: '/admin/products', label: 'Products' },
  { href: '/admin/reports', label: 'Reports' },
  { href: '/admin/reports/ecomcharge', label: 'eComCharge' },
  { href: '/admin/jobs', label: 'Jobs' },
  { href: '/admin/outbox', label: 'Outbox' },
  { href: '/admin/subscriptions', label: 'Subscriptions' },
] as const;

type NavHref = (typeof NAV)[number]['href'];

/**
 * `current` marks the page's own nav entry (aria-current); pages say it, so the shell stays a server component.
 * Below the `lg` breakpoint the nav and the account fold behind a Menu button; from it up they sit in one row.
 */
export function AdminShell({ adminEmail, current, children }: { adminEmail: string; current?: NavHref; children: ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-black/10 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
          <Link href="/admin" className="flex items-center gap-2 font-semibold text-ink">
            <Image src="/logo.svg" alt="" width={28} height={28} />
            Store admin
          </Link>
          <MenuDisclosure
            label="Menu"
            buttonClassName="lg:hidden"
            panelClassName="w-full flex-col gap-4 border-t border-black/10 pt-3 lg:flex lg:w-auto lg:flex-1 lg:flex-row lg:items-center lg:justify-between lg:border-0 lg:pt-0"
          >
            <nav aria-label="Admin" className="flex flex-col text-sm lg:flex-row lg:flex-wrap lg:gap-x-4 lg:gap-y-1">
              {NAV.map((item) => (
                <Link
                  key={item.href}
                  href={item.href}
                  aria-current={item.href === current ? 'page' : undefined}
                  className={
                    item.href === current
                      ? 'py-2 font-semibold text-ink underline decoration-brand-600 decoration-2 underline-offset-8 lg:py-0'
                      : 'py-2 text-ink-muted hover:text-ink lg:py-0'
                  }
                >
                  {item.label}
                </Link>
              ))}
            </nav>
            <div className="flex flex-wrap items-center gap-3 text-sm text-ink-muted">
              <span className="min-w-0 [overflow-wrap:anywhere]">{adminEmail}</span>
              <SignOutButton afterSignOut="/admin/login" className="btn-secondary py-1.5" />
            </div>
          </MenuDisclosure>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
