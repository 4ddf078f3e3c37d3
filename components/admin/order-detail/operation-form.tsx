'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useActionState, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { OrderActionResult } from '@/components/admin/order-actions';
import { orderViewKey } from './use-order-view';

type Action = (previous: OrderActionResult | null, form: FormData) => Promise<OrderActionResult>;

export interface OperationFormProps {
  action: Action;
  orderNumber: string;
  hidden?: Record<string, string>;
  submitLabel: string;
  /** When set, the operation is destructive: a modal dialog asks before anything is sent. */
  confirm?: { title: string | ((form: FormData) => string); body: string; confirmLabel: string };
  children?: ReactNode;
  testId?: string;
}

/**
 * One payment operation as a form: the server action's answer is announced in a live
 * region, field errors are tied to their inputs, and success re-reads the order.
 */
export function OperationForm({ action, orderNumber, hidden = {}, submitLabel, confirm, children, testId }: OperationFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const confirmed = useRef(false);
  const [confirmTitle, setConfirmTitle] = useState('');
  const messageId = useId();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (state?.ok) void queryClient.invalidateQueries({ queryKey: orderViewKey(orderNumber) });
  }, [state, queryClient, orderNumber]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!confirm || confirmed.current) {
      confirmed.current = false;
      return;
    }
    event.preventDefault();
    // The title repeats what is about to happen (e.g. the amount), read from the form as filled in.
    setConfirmTitle(typeof confirm.title === 'function' ? confirm.title(new FormData(event.currentTarget)) : confirm.title);
    dialogRef.current?.showModal();
  }

  function onConfirm() {
    dialogRef.current?.close();
    confirmed.current = true;
    formRef.current?.requestSubmit();
  }

  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      className="space-y-3"
      aria-describedby={messageId}
      data-testid={testId}
    >
      <input type="hidden" name="orderNumber" value={orderNumber} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {fieldErrors && (
        <ul className="text-sm text-red-700">
          {Object.entries(fieldErrors).map(([field, messages]) => (
            <li key={field}>{messages.join(' ')}</li>
          ))}
        </ul>
      )}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-ink px-3 py-1.5 text-sm font-medium text-white hover:bg-ink/90 disabled:cursor-wait disabled:opacity-60"
        >
          {pending ? 'Sending…' : submitLabel}
        </button>
        <p
          id={messageId}
          aria-live="polite"
          role={state && !state.ok ? 'alert' : 'status'}
          className={`text-sm ${state?.ok ? 'text-emerald-800' : 'text-red-700'}`}
        >
          {state?.message ?? ''}
        </p>
      </div>
      {confirm && (
        <dialog
          ref={dialogRef}
          aria-labelledby={`${messageId}-title`}
          className="m-auto w-full max-w-md rounded-xl p-6 shadow-xl backdrop:bg-black/40"
        >
          <h3 id={`${messageId}-title`} className="text-lg font-semibold text-ink">
            {confirmTitle}
          </h3>
          <p className="mt-2 text-sm text-ink-muted">{confirm.body}</p>
          <div className="mt-5 flex justify-end gap-3">
            <button
              type="button"
              onClick={() => dialogRef.current?.close()}
              className="rounded-lg px-3 py-1.5 text-sm ring-1 ring-black/15 hover:bg-slate-50"
            >
              Go back
            </button>
            <button
              type="button"
              onClick={onConfirm}
              className="rounded-lg bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800"
            >
              {confirm.confirmLabel}
            </button>
          </div>
        </dialog>
      )}
    </form>
  );
}

export function Field({ label, name, children, hint }: { label: string; name: string; children: ReactNode; hint?: string }) {
  return (
    <label className="block text-sm" htmlFor={name}>
      <span className="font-medium text-ink">{label}</span>
      {hint && <span className="ml-2 text-ink-muted">{hint}</span>}
      <span className="mt-1 block">{children}</span>
    </label>
  );
}

export const inputClass =
  'w-full rounded-lg border border-black/15 bg-white px-3 py-1.5 text-sm focus:outline-2 focus:outline-sky-600';
