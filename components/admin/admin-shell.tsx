import Image from 'next/image';
import Link from 'next/link';
import type { ReactNode } from 'react';
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

/** `current` marks the page's own nav entry (aria-current); pages say it, so the shell stays a server component. */
export function AdminShell({ adminEmail, current, children }: { adminEmail: string; current?: NavHref; children: ReactNode }) {
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-black/10 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-6 py-3">
          <div className="flex items-center gap-6">
            <Link href="/admin" className="flex items-center gap-2 font-semibold text-ink">
              <Image src="/logo.svg" alt="" width={28} height={28} />
              Store admin
            </Link>
            <nav aria-label="Admin" className="flex gap-4 text-sm">
              {NAV.map((item) => (
                <Link
                  key={item.href}
                  href={item.href}
                  aria-current={item.href === current ? 'page' : undefined}
                  className={
                    item.href === current
                      ? 'font-semibold text-ink underline decoration-brand-600 decoration-2 underline-offset-8'
                      : 'text-ink-muted hover:text-ink'
                  }
                >
                  {item.label}
                </Link>
              ))}
            </nav>
          </div>
          <div className="flex items-center gap-3 text-sm text-ink-muted">
            <span>{adminEmail}</span>
            <SignOutButton afterSignOut="/admin/login" className="btn-secondary py-1.5" />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-6 py-8">
        {children}
      </main>
    </div>
  );
}
