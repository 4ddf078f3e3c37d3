'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { AmazonButtonBase, SignedButtonResult } from '@/lib/amazon-pay/server';
import { Alert } from '@/components/ui/alert';
import { useCheckoutScript } from './checkout-script';

/**
 * Renders an Amazon Pay or Sign-In button through checkout.js. The payload is signed
 * by the server when the shopper clicks (button.onClick + initCheckout,
 * https://developer.amazon.com/docs/amazon-pay-checkout/amazon-pay-script.html), so the
 * amounts always match the cart as it is at that moment.
 */
export function AmazonButton({
  base,
  sign,
  label,
}: {
  base: AmazonButtonBase;
  sign: () => Promise<SignedButtonResult>;
  label: string;
}) {
  const script = useCheckoutScript(base.scriptUrl);
  const containerId = `amazon-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const signRef = useRef(sign);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    signRef.current = sign;
  }, [sign]);

  useEffect(() => {
    if (script.status !== 'ready') return;
    const { scriptUrl: _scriptUrl, ...options } = base;
    const button = script.api.renderButton(`#${containerId}`, { ...options, buttonColor: 'Gold' });
    button.onClick(async () => {
      setError(null);
      setBusy(true);
      const result = await signRef.current();
      setBusy(false);
      if (!result.ok) return setError(result.message);
      button.initCheckout(
        base.productType === 'SignIn' ? { signInConfig: result.config } : { createCheckoutSessionConfig: result.config },
      );
    });
  }, [script, base, containerId]);

  return (
    <div className="flex flex-col gap-2" aria-busy={script.status === 'loading' || busy}>
      <span className="sr-only">{label}</span>
      {script.status === 'loading' ? (
        <div className="h-[45px] w-full animate-pulse rounded-lg bg-amber-100" aria-label="Loading Amazon Pay" />
      ) : null}
      {script.status === 'unavailable' ? (
        <Alert compact>Amazon Pay is unavailable right now. Please refresh the page or try again in a few minutes.</Alert>
      ) : null}
      <div id={containerId} data-testid={`amazon-button-${base.productType}`} className="min-h-[45px] [&_button]:w-full" />
      <p role="status" aria-live="polite" className={error ? 'text-sm text-red-700' : 'sr-only'}>
        {error ?? (busy ? 'Connecting to Amazon Pay…' : '')}
      </p>
    </div>
  );
}
