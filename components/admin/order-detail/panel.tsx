import type { HTMLAttributes, ReactNode } from 'react';

/** A card on the admin order page: a titled section, with a note under the title and actions beside it. */
export function Panel({
  headingId,
  title,
  note,
  actions,
  children,
  ...section
}: {
  headingId: string;
  title: string;
  note?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
} & Omit<HTMLAttributes<HTMLElement>, 'title'>) {
  return (
    <section aria-labelledby={headingId} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-black/5" {...section}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-base font-semibold text-ink">
            {title}
          </h2>
          {note && <p className="text-xs text-ink-muted">{note}</p>}
        </div>
        {actions && <div className="flex items-center gap-2">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
