'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { FormField } from '@/components/ui/form-field';

const FIELDS = [
  { name: 'email', label: 'Email', type: 'email', autoComplete: 'username' },
  { name: 'password', label: 'Password', type: 'password', autoComplete: 'current-password' },
] as const;

export function AdminLoginForm({ errorMessages }: { errorMessages: Record<string, string> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const fieldId = useId();
  const errorId = useId();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    startTransition(async () => {
      const result = await signIn('admin', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        router.replace('/admin');
        router.refresh();
        return;
      }
      setError(errorMessages[result?.error ?? ''] ?? 'That email and password do not match our records.');
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-describedby={error ? errorId : undefined} noValidate>
      {FIELDS.map(({ name, label, type, autoComplete }) => (
        <FormField key={name} id={`${fieldId}-${name}`} label={label}>
          <input
            id={`${fieldId}-${name}`}
            name={name}
            type={type}
            autoComplete={autoComplete}
            required
            className="rounded-lg border border-black/15 bg-white px-3 py-2"
          />
        </FormField>
      ))}
      <p id={errorId} role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-700">
        {error}
      </p>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
