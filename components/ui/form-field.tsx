import type { ReactNode } from 'react';

/** A label and its control (which carries `id`): the label above it, or beside it when `inline`. */
export function FormField({
  id,
  label,
  inline = false,
  children,
}: {
  id: string;
  label: string;
  inline?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={inline ? 'flex items-center gap-3' : 'flex flex-col gap-1'}>
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
      </label>
      {children}
    </div>
  );
}
