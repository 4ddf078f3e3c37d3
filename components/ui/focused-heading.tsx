'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A page heading that takes focus when it appears, so a screen reader announces the new page
 * after a flow that arrives from elsewhere (Amazon's pages, a redirect) instead of staying silent.
 */
export function FocusedHeading({ className, children }: { className?: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 ref={ref} tabIndex={-1} className={`${className ?? ''} focus:outline-none`}>
      {children}
    </h1>
  );
}
