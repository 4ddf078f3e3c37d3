import 'server-only';
import { cookies } from 'next/headers';
import { NextRequest } from 'next/server';
import { readBodyText } from '@/lib/request-body';

/** The cookies in which next-auth remembers where to send the user after signing in. */
const CALLBACK_COOKIE = /^(__Secure-)?next-auth\.callback-url$/;

/** A path on this shop, or an absolute URL on its origin; anything else is not a callback we follow. */
export function isOwnCallbackUrl(value: string, origin: string): boolean {
  try {
    const url = new URL(value, origin);
    return url.origin === origin && (value.startsWith('/') ? !value.startsWith('//') : true);
  } catch {
    return false;
  }
}

/**
 * The request next-auth sees: a callbackUrl query that is not on the shop's own origin is
 * dropped (next-auth answers 500 for one it cannot parse, and would otherwise take it as
 * where to go), and the body is read within the size limit.
 */
export async function sanitizedAuthRequest(request: NextRequest, origin: string): Promise<NextRequest> {
  const url = new URL(request.url);
  const callbackUrl = url.searchParams.get('callbackUrl');
  if (callbackUrl !== null && !isOwnCallbackUrl(callbackUrl, origin)) url.searchParams.delete('callbackUrl');
  const hasBody = !['GET', 'HEAD'].includes(request.method);
  if (!hasBody) return new NextRequest(url, { method: request.method, headers: request.headers });
  const body = await readBodyText(request);
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  return new NextRequest(url, { method: request.method, headers, body });
}

/** next-auth reads its callback cookie through next/headers; one that is not ours is deleted first. */
export async function dropForeignCallbackCookies(origin: string): Promise<void> {
  const jar = await cookies();
  for (const { name, value } of jar.getAll()) {
    if (CALLBACK_COOKIE.test(name) && !isOwnCallbackUrl(value, origin)) jar.delete(name);
  }
}

/** next-auth's redirect callback: never throws, and never leaves the shop's origin. */
export function ownOriginRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const origin = new URL(baseUrl).origin;
  return isOwnCallbackUrl(url, origin) ? new URL(url, origin).toString() : baseUrl;
}
