/** Class names repeated across the report screens. */
export const BUTTON =
  'rounded-lg bg-ink px-3 py-1.5 text-sm font-medium text-white hover:bg-ink/90 disabled:cursor-wait disabled:opacity-60';
export const BUTTON_SECONDARY =
  'rounded-lg border border-black/15 bg-white px-3 py-1.5 text-sm font-medium text-ink hover:bg-slate-50 disabled:opacity-60';
export const INPUT = 'rounded-lg border border-black/15 bg-white px-2 py-1.5 text-sm text-ink';
export const CARD = 'rounded-xl bg-white p-5 shadow-sm';
