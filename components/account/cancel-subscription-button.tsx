'use client';

import { useState } from 'react';
import { OrderActionButton } from '@/components/orders/order-action-button';
import { cancelSubscriptionAction } from './actions';

const REASON = 'Cancelled by the shopper from their account';

/** Cancels after the shopper confirms; nothing is charged for this subscription afterwards. */
export function CancelSubscriptionButton({ number }: { number: string }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="btn-secondary" onClick={() => setConfirming(true)} data-testid="cancel-subscription">
        Cancel
      </button>
    );
  }
  return (
    <div className="flex flex-col items-end gap-2 text-sm" role="group" aria-label={`Cancel subscription ${number}`}>
      <p>Cancel this subscription? No further monthly charge will be made.</p>
      <div className="flex gap-2">
        <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>
          Keep it
        </button>
        <OrderActionButton
          label="Yes, cancel"
          pendingLabel="Cancelling…"
          run={() => cancelSubscriptionAction({ number, reason: REASON })}
          testId="confirm-cancel-subscription"
        />
      </div>
    </div>
  );
}
