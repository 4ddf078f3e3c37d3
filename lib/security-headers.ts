import 'server-only';
import { checkoutSourcesFor } from '@/lib/amazon-pay/checkout-script';
import type { AppConfig } from '@/lib/config';

/**
 * The response headers that tell the browser what this shop's pages may do. Next.js reads
 * the nonce from the Content-Security-Policy request header and puts it on its own scripts
 * (https://nextjs.org/docs/app/guides/content-security-policy); 'strict-dynamic' then
 * trusts the scripts those load, checkout.js among them. Hosts are listed too, for
 * browsers without 'strict-dynamic': exactly the configured region's checkout.js host and
 * Amazon's payment and sign-in frames, or the offline sandbox's origin alone.
 */
export function contentSecurityPolicy(
  config: Pick<AppConfig, 'amazonPay' | 'store'>,
  nonce: string,
  { development }: { development: boolean },
): string {
  const checkout = checkoutSourcesFor(config.amazonPay);
  const amazon = [...new Set([checkout.script, ...checkout.frames])].join(' ');
  const https = config.store.appUrl.startsWith('https:');
  const directives = [
    "default-src 'self'",
    // React's development build evaluates strings for its stack traces; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' ${checkout.script}${development ? " 'unsafe-eval'" : ''}`,
    // Style attributes (React's style prop, checkout.js's button) cannot carry a nonce.
    `style-src 'self' 'unsafe-inline' ${checkout.script}`,
    `img-src 'self' data: blob: ${amazon}`,
    "font-src 'self' data:",
    `connect-src 'self' ${amazon}`,
    `frame-src ${amazon}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** Powerful features no page of the shop uses, refused to it and to every frame in it. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), usb=(), payment=()';

/** Two years, the preload list's minimum (https://hstspreload.org/#deployment-recommendations); sent only over https. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** Every security header of a page, given its Content-Security-Policy. */
export function securityHeaders(config: Pick<AppConfig, 'store'>, policy: string): Record<string, string> {
  return {
    'Content-Security-Policy': policy,
    'Permissions-Policy': PERMISSIONS_POLICY,
    ...(config.store.appUrl.startsWith('https:') ? { 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : {}),
  };
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
