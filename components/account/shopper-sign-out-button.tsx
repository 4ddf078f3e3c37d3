'use client';

import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { loadCheckoutScript } from '@/components/checkout/checkout-script';

/** Ends both sessions: Amazon's (amazon.Pay.signout) and ours. */
export function ShopperSignOutButton({ scriptUrl }: { scriptUrl: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="btn-secondary"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          try {
            await (await loadCheckoutScript(scriptUrl)).signout();
          } catch {
            // Amazon's script unreachable: still end our own session.
          }
          await signOut({ redirect: false });
          router.replace('/account');
          router.refresh();
        })
      }
    >
      Sign out
    </button>
  );
}
