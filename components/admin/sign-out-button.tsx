'use client';

import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

export function SignOutButton({ afterSignOut }: { afterSignOut: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await signOut({ redirect: false });
          router.replace(afterSignOut);
          router.refresh();
        })
      }
      className="btn-secondary py-1.5"
    >
      Sign out
    </button>
  );
}
