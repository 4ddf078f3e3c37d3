'use client';

import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

/** Ends our session (after `beforeSignOut`, e.g. another provider's) and opens `afterSignOut`. */
export function SignOutButton({
  afterSignOut,
  beforeSignOut,
  className,
}: {
  afterSignOut: string;
  beforeSignOut?: () => Promise<void>;
  className: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className={className}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await beforeSignOut?.();
          await signOut({ redirect: false });
          router.replace(afterSignOut);
          router.refresh();
        })
      }
    >
      Sign out
    </button>
  );
}
