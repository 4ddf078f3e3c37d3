import { cx } from './class-names';

/**
 * The admin's buttons. `danger` is for what cannot be undone (cancel, refund, close): red, so
 * it never looks like the everyday primary action beside it.
 */
export type ButtonVariant = 'primary' | 'secondary' | 'danger';

const BASE =
  'rounded-lg px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-wait disabled:opacity-60';

const VARIANTS: Record<ButtonVariant, string> = {
  primary: 'bg-ink text-white hover:bg-ink/90 focus-visible:outline-ink',
  secondary: 'bg-white text-ink ring-1 ring-black/15 hover:bg-slate-50 focus-visible:outline-sky-600',
  danger: 'bg-red-700 text-white hover:bg-red-800 focus-visible:outline-red-700',
};

export function buttonClass(variant: ButtonVariant = 'primary', className?: string): string {
  return cx(BASE, VARIANTS[variant], className);
}
