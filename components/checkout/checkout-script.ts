'use client';

import { useEffect, useState } from 'react';
import type { AmazonButtonBase, SignedButtonConfig } from '@/lib/amazon-pay/server';

/** The slice of checkout.js we use (https://developer.amazon.com/docs/amazon-pay-checkout/amazon-pay-script.html). */
export interface AmazonPayButtonHandle {
  onClick(callback: () => void): void;
  initCheckout(init: { createCheckoutSessionConfig?: SignedButtonConfig; signInConfig?: SignedButtonConfig }): void;
}

export interface AmazonPayApi {
  renderButton(selector: string, options: Omit<AmazonButtonBase, 'scriptUrl'> & Record<string, unknown>): AmazonPayButtonHandle;
  bindChangeAction(
    selector: string,
    options: { amazonCheckoutSessionId: string; changeAction: 'changeAddress' | 'changePayment' },
  ): void;
  signout(): Promise<void> | void;
}

declare global {
  interface Window {
    amazon?: { Pay: AmazonPayApi };
  }
}

const loading = new Map<string, Promise<AmazonPayApi>>();

/** Loads checkout.js once per page, however many buttons ask for it. */
export function loadCheckoutScript(url: string): Promise<AmazonPayApi> {
  let pending = loading.get(url);
  if (!pending) {
    pending = new Promise<AmazonPayApi>((resolve, reject) => {
      if (window.amazon?.Pay) return resolve(window.amazon.Pay);
      const script = document.createElement('script');
      script.src = url;
      script.async = true;
      script.onload = () =>
        window.amazon?.Pay ? resolve(window.amazon.Pay) : reject(new Error('checkout.js loaded without amazon.Pay'));
      script.onerror = () => reject(new Error('checkout.js could not be loaded'));
      document.head.appendChild(script);
    });
    pending.catch(() => loading.delete(url));
    loading.set(url, pending);
  }
  return pending;
}

export type ScriptState = { status: 'loading' } | { status: 'ready'; api: AmazonPayApi } | { status: 'unavailable' };

export function useCheckoutScript(url: string): ScriptState {
  const [state, setState] = useState<ScriptState>({ status: 'loading' });
  useEffect(() => {
    let active = true;
    loadCheckoutScript(url).then(
      (api) => active && setState({ status: 'ready', api }),
      () => active && setState({ status: 'unavailable' }),
    );
    return () => {
      active = false;
    };
  }, [url]);
  return state;
}
