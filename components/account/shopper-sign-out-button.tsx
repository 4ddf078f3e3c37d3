'use client';

import { loadCheckoutScript } from '@/components/checkout/checkout-script';
import { SignOutButton } from '@/components/ui/sign-out-button';

/** Ends both sessions: Amazon's (amazon.Pay.signout) and ours. */
export function ShopperSignOutButton({ scriptUrl }: { scriptUrl: string }) {
  async function signOutOfAmazon() {
    try {
      await (await loadCheckoutScript(scriptUrl)).signout();
    } catch {
      // Amazon's script unreachable: still end our own session.
    }
  }
  return <SignOutButton afterSignOut="/account" beforeSignOut={signOutOfAmazon} className="btn-secondary" />;
}
