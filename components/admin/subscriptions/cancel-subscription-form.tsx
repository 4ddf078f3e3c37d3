'use client';

import { useActionState, useId } from 'react';
import { cancelSubscriptionAction } from './actions';

/** The merchant ends a subscription, with the reason Amazon keeps on the charge permission. */
export function CancelSubscriptionForm({ number }: { number: string }) {
  const [state, formAction, pending] = useActionState(cancelSubscriptionAction, null);
  const reasonId = useId();
  const messageId = useId();
  const reasonError = state && !state.ok ? state.fieldErrors?.reason?.join(' ') : undefined;
  return (
    <form action={formAction} className="mt-4 space-y-3" data-testid="cancel-subscription-form">
      <input type="hidden" name="number" value={number} />
      <div>
        <label htmlFor={reasonId} className="block text-sm font-medium text-ink">
          Reason for cancelling
        </label>
        <input
          id={reasonId}
          name="reason"
          required
          maxLength={255}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={messageId}
          className="mt-1 w-full max-w-md rounded-lg border border-black/15 px-3 py-1.5 text-sm"
        />
      </div>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:cursor-wait disabled:opacity-60"
        >
          {pending ? 'Cancelling…' : 'Cancel subscription'}
        </button>
        <p
          id={messageId}
          aria-live="polite"
          role={state && !state.ok ? 'alert' : 'status'}
          className={`text-sm ${state?.ok ? 'text-emerald-800' : 'text-red-700'}`}
        >
          {reasonError ?? state?.message ?? ''}
        </p>
      </div>
    </form>
  );
}
