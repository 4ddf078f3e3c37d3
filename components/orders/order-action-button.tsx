'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/action-result';

/** A button that runs one of the order page's server actions and says why when it could not. */
export function OrderActionButton({
  label,
  pendingLabel,
  run,
  onDone,
  variant = 'primary',
  testId,
}: {
  label: string;
  pendingLabel: string;
  run: () => Promise<ActionResult>;
  onDone?: () => void;
  variant?: 'primary' | 'secondary';
  testId?: string;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function click() {
    setError(null);
    startTransition(async () => {
      const result = await run();
      if (result.ok) onDone?.();
      else setError(result.message);
    });
  }

  return (
    <div className="flex flex-col items-center gap-2">
      <button
        type="button"
        className={variant === 'primary' ? 'btn-primary' : 'btn-secondary'}
        disabled={pending}
        onClick={click}
        data-testid={testId}
      >
        {pending ? pendingLabel : label}
      </button>
      <p role="status" aria-live="polite" className={error ? 'text-sm text-red-700' : 'sr-only'}>
        {error}
      </p>
    </div>
  );
}
