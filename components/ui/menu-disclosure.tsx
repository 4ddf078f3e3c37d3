'use client';

import { useId, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { cx } from './class-names';

/**
 * A menu that folds behind a button on narrow screens (the disclosure pattern,
 * https://www.w3.org/WAI/ARIA/apg/patterns/disclosure/). `buttonClassName` hides the button where the menu always
 * shows (e.g. `lg:hidden`), `panelClassName` shows the panel there (`lg:flex`). Escape closes it and returns the
 * focus to the button; following a link inside closes it too, so the next page starts folded.
 */
export function MenuDisclosure({
  label,
  buttonClassName,
  panelClassName,
  children,
}: {
  label: string;
  buttonClassName?: string;
  panelClassName?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    buttonRef.current?.focus();
  }

  function closeOnLink(event: MouseEvent) {
    if (event.target instanceof Element && event.target.closest('a')) setOpen(false);
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        onKeyDown={closeOnEscape}
        className={cx(
          'inline-flex items-center gap-2 rounded-lg border border-black/15 bg-white px-3 py-1.5 text-sm font-medium text-ink hover:bg-slate-50',
          buttonClassName,
        )}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.8">
          {open ? (
            <path d="M5 5l10 10M15 5L5 15" strokeLinecap="round" />
          ) : (
            <path d="M3 5h14M3 10h14M3 15h14" strokeLinecap="round" />
          )}
        </svg>
        {label}
      </button>
      {/* Not a widget itself: the handlers only catch keys and clicks that bubble up from the links and buttons inside. */}
      <div id={panelId} className={cx(open ? 'flex' : 'hidden', panelClassName)} onKeyDown={closeOnEscape} onClick={closeOnLink}>
        {children}
      </div>
    </>
  );
}
