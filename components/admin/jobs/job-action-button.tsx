'use client';

import { useActionState } from 'react';
import type { JobActionResult } from './actions';

type JobAction = (previous: JobActionResult | null, form: FormData) => Promise<JobActionResult>;

/** One small form per button: the job (and job id) ride along as hidden fields. */
export function JobActionButton({
  action,
  fields,
  label,
  pendingLabel,
  variant = 'secondary',
}: {
  action: JobAction;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  variant?: 'primary' | 'secondary';
}) {
  const [result, formAction, pending] = useActionState<JobActionResult | null, FormData>(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        className={`${variant === 'primary' ? 'btn-primary' : 'btn-secondary'} py-1 text-sm`}
        disabled={pending}
      >
        {pending ? pendingLabel : label}
      </button>
      <span aria-live="polite" className={`text-sm ${result?.ok === false ? 'text-rose-800' : 'text-emerald-800'}`}>
        {result ? result.message : ''}
      </span>
    </form>
  );
}
