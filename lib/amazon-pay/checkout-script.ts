import type { AppConfig } from '@/lib/config';
import { checkoutFramesForRegion, checkoutScriptForRegion } from './regions';

type CheckoutSettings = Pick<AppConfig['amazonPay'], 'mode' | 'endpoint' | 'region'>;

/** checkout.js: the region's script from Amazon, or the offline sandbox's stand-in. */
export function checkoutScriptFor(amazonPay: CheckoutSettings): string {
  if (amazonPay.mode === 'offline' && amazonPay.endpoint) return new URL('/checkout.js', amazonPay.endpoint).toString();
  return checkoutScriptForRegion(amazonPay.region);
}

/** The origins checkout.js loads from, frames and calls: the region's Amazon hosts, or the sandbox alone. */
export function checkoutSourcesFor(amazonPay: CheckoutSettings): { script: string; frames: readonly string[] } {
  const script = new URL(checkoutScriptFor(amazonPay)).origin;
  return { script, frames: amazonPay.mode === 'offline' ? [script] : checkoutFramesForRegion(amazonPay.region) };
}
