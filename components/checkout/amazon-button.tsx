'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { AmazonButtonBase, SignedButtonConfig, SignedButtonResult } from '@/lib/amazon-pay/server';
import { Alert } from '@/components/ui/alert';
import { useCheckoutScript } from './checkout-script';

/**
 * How the button gets its signed payload
 * (https://developer.amazon.com/docs/amazon-pay-checkout/amazon-pay-script.html): a checkout
 * button is signed by the server when the shopper clicks (button.onClick + initCheckout), so
 * the amounts match the cart at that moment; the Sign-In button requires signInConfig at render.
 */
type ButtonSigning =
  { sign: () => Promise<SignedButtonResult>; signInConfig?: never } | { signInConfig: SignedButtonConfig; sign?: never };

/** Renders an Amazon Pay or Sign-In button through checkout.js. */
export function AmazonButton({ base, label, sign, signInConfig }: { base: AmazonButtonBase; label: string } & ButtonSigning) {
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
    if (signInConfig) {
      script.api.renderButton(`#${containerId}`, { ...options, buttonColor: 'Gold', signInConfig });
      return;
    }
    const button = script.api.renderButton(`#${containerId}`, { ...options, buttonColor: 'Gold' });
    button.onClick(async () => {
      const signNow = signRef.current;
      if (!signNow) return;
      setError(null);
      setBusy(true);
      const result = await signNow();
      setBusy(false);
      if (!result.ok) return setError(result.message);
      button.initCheckout({ createCheckoutSessionConfig: result.config });
    });
  }, [script, base, containerId, signInConfig]);

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
