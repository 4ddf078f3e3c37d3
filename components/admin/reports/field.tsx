import type { ReactNode } from 'react';

/** A labelled control on the report screens, with its message under it when the value was refused. */
export function Field({
  label,
  error,
  errorId,
  children,
}: {
  label: string;
  error?: string;
  /** The message's id, for the control's aria-describedby. */
  errorId?: string;
  children: ReactNode;
}) {
  return (
    <label className="grid gap-1 text-sm">
      <span className="text-ink-muted">{label}</span>
      {children}
      {error ? (
        <span id={errorId} className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </label>
  );
}
