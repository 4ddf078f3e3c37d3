import 'server-only';
import { headers } from 'next/headers';
import { getConfig } from '@/lib/config';
import { UserFacingError } from '@/lib/errors';

/** The storefront's public origin (APP_URL): every Amazon Pay return URL and redirect is built on it. */
export function appOrigin(): Promise<string> {
  return Promise.resolve(getConfig().store.appUrl);
}

/** A signing request reached the shop under another host name than APP_URL's. */
export class ForeignHostError extends UserFacingError {
  constructor(origin: string) {
    super(`This shop is served at ${origin}. Please open it there and try again.`, 'foreign_host');
  }
}

type HeaderReader = Pick<Headers, 'get'>;

/**
 * The host name the request was addressed to: the browser's Origin when it sent one (it
 * always does for a server action), else Host, or X-Forwarded-Host when a trusted proxy
 * set it (Next.js keeps a client's own X-Forwarded-Host, so it is read only behind one).
 */
export function requestedHostname(requestHeaders: HeaderReader, trustedProxyHops: number): string | null {
  const origin = requestHeaders.get('origin');
  const forwarded = trustedProxyHops > 0 ? requestHeaders.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  const authority = origin && origin !== 'null' ? origin : `http://${forwarded || requestHeaders.get('host') || ''}`;
  try {
    return new URL(authority).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/**
 * Refuses to sign return URLs for a request that arrived under another host name: the
 * shopper would come back to APP_URL without the cookies of the site they started on.
 * Host names, not ports, are compared, because cookies are shared across ports
 * (https://www.rfc-editor.org/rfc/rfc6265#section-8.5).
 */
export function assertRequestForOrigin(requestHeaders: HeaderReader, origin: string, trustedProxyHops: number): void {
  if (requestedHostname(requestHeaders, trustedProxyHops) !== new URL(origin).hostname.toLowerCase()) {
    throw new ForeignHostError(origin);
  }
}

/** appOrigin() for a signing action, after checking the request was addressed to it. */
export async function signingOrigin(): Promise<string> {
  const config = getConfig();
  assertRequestForOrigin(await headers(), config.store.appUrl, config.network.trustedProxyHops);
  return config.store.appUrl;
}
