import type { Metadata } from 'next';
import Image from 'next/image';
import { redirect } from 'next/navigation';
import { AdminLoginForm } from '@/components/admin/admin-login-form';
import { ADMIN_LOGIN_ERRORS, getAdminSession } from '@/lib/auth';

export const metadata: Metadata = { title: 'Admin sign-in', robots: { index: false } };

// The one admin page open to everyone: it is how the admin gets in.
export default async function AdminLoginPage() {
  if (await getAdminSession()) redirect('/admin');
  return (
    <main id="main" className="flex min-h-screen items-center justify-center bg-sand px-4">
      <div className="card w-full max-w-sm p-8">
        <div className="mb-6 flex items-center gap-3">
          <Image src="/logo.svg" alt="" width={40} height={40} />
          <div>
            <h1 className="font-serif text-2xl text-ink">Store admin</h1>
            <p className="text-sm text-ink-muted">Sign in to manage orders and payments.</p>
          </div>
        </div>
        <AdminLoginForm errorMessages={ADMIN_LOGIN_ERRORS} />
      </div>
    </main>
  );
}
