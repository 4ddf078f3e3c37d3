'use client';

import { payAgainAction } from './actions';
import { OrderActionButton } from './order-action-button';

/** Puts the declined order's items back into the cart; the action then opens the cart (it only returns on failure). */
export function PayAgainButton({ number }: { number: string }) {
  return (
    <OrderActionButton
      label="Pay again"
      pendingLabel="Putting your items back in the cart…"
      run={() => payAgainAction({ number })}
      testId="pay-again"
    />
  );
}
