'use client';

import { useEffect, useId } from 'react';
import { useCheckoutScript } from './checkout-script';

/** A "Change" link bound to Amazon's address or payment selection (amazon.Pay.bindChangeAction). */
export function ChangeLink({
  scriptUrl,
  checkoutSessionId,
  changeAction,
  label,
}: {
  scriptUrl: string;
  checkoutSessionId: string;
  changeAction: 'changeAddress' | 'changePayment';
  label: string;
}) {
  const script = useCheckoutScript(scriptUrl);
  const id = `change-${changeAction}-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;

  useEffect(() => {
    if (script.status === 'ready')
      script.api.bindChangeAction(`#${id}`, { amazonCheckoutSessionId: checkoutSessionId, changeAction });
  }, [script, id, checkoutSessionId, changeAction]);

  return (
    <button
      id={id}
      type="button"
      disabled={script.status !== 'ready'}
      className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline disabled:opacity-50"
    >
      {label}
    </button>
  );
}
