import type { ReactNode } from 'react';
import { cx } from './class-names';

/**
 * A small pill that names a state. Each feature keeps its own mapping from states to a
 * `tone` (background, text and ring colours), because order statuses, Amazon's states and
 * report statuses ask different things of the merchant.
 */
export function Badge({
  tone,
  ring = false,
  className,
  testId,
  children,
}: {
  tone: string;
  /** A thin inset outline in the tone's ring colour. */
  ring?: boolean;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <span
      data-testid={testId}
      className={cx(
        'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium',
        ring && 'ring-1 ring-inset',
        tone,
        className,
      )}
    >
      {children}
    </span>
  );
}
