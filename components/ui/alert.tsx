import type { ReactNode } from 'react';
import { cx } from './class-names';

const TONES = {
  error: 'bg-red-50 text-red-800',
  warning: 'bg-amber-50 text-amber-900',
  info: 'bg-sky-50 text-sky-900',
} as const;

/** A notice box. Errors and warnings are announced to screen readers (role="alert"); information is not. */
export function Alert({
  tone = 'error',
  compact = false,
  className,
  testId,
  children,
}: {
  tone?: keyof typeof TONES;
  compact?: boolean;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <p
      role={tone === 'info' ? undefined : 'alert'}
      data-testid={testId}
      className={cx('rounded-lg text-sm', compact ? 'px-3 py-2' : 'p-3', TONES[tone], className)}
    >
      {children}
    </p>
  );
}
