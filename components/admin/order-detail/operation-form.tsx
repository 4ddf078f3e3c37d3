'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useActionState, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { OrderActionResult } from '@/components/admin/order-actions';
import { buttonClass, type ButtonVariant } from '@/components/ui/button-styles';
import { orderViewKey } from './use-order-view';

type FormText = string | ((form: FormData) => string);
type Action = (previous: OrderActionResult | null, form: FormData) => Promise<OrderActionResult>;

export interface OperationFormProps {
  action: Action;
  orderNumber: string;
  hidden?: Record<string, string>;
  submitLabel: string;
  /**
   * When set, a modal dialog asks before anything is sent, naming what is about to happen
   * (read from the form as filled in, e.g. the amount) and what follows from it.
   */
  confirm?: { title: FormText; body: FormText; confirmLabel: string };
  /** `danger` for an operation that cannot be undone: its buttons are red. */
  variant?: ButtonVariant;
  children?: ReactNode;
  testId?: string;
}

/**
 * One payment operation as a form: the server action's answer is announced in a live
 * region, field errors are tied to their inputs, and success re-reads the order.
 */
export function OperationForm({
  action,
  orderNumber,
  hidden = {},
  submitLabel,
  confirm,
  variant = 'primary',
  children,
  testId,
}: OperationFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const confirmed = useRef(false);
  const [question, setQuestion] = useState({ title: '', body: '' });
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
    const form = new FormData(event.currentTarget);
    const read = (text: FormText) => (typeof text === 'function' ? text(form) : text);
    setQuestion({ title: read(confirm.title), body: read(confirm.body) });
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
        <button type="submit" disabled={pending} className={buttonClass(variant)}>
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
          aria-describedby={`${messageId}-body`}
          className="m-auto w-full max-w-md rounded-xl p-6 shadow-xl backdrop:bg-black/40"
        >
          <h3 id={`${messageId}-title`} className="text-lg font-semibold text-ink">
            {question.title}
          </h3>
          <p id={`${messageId}-body`} className="mt-2 text-sm text-ink-muted">
            {question.body}
          </p>
          <div className="mt-5 flex justify-end gap-3">
            {/* First in the dialog, so it has the focus when it opens: the safe answer is the default. */}
            <button type="button" onClick={() => dialogRef.current?.close()} className={buttonClass('secondary')}>
              Go back
            </button>
            <button type="button" onClick={onConfirm} className={buttonClass(variant)}>
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
