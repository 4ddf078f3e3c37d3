import { NextResponse, type NextRequest } from 'next/server';
import { cookieOptions } from '@/lib/cookies';
import { isShopperToken, mintShopperToken, SHOPPER_COOKIE, SHOPPER_COOKIE_MAX_AGE_DAYS } from '@/lib/checkout/shopper-token';
import { requestIdFrom } from '@/lib/request-id';

/**
 * Gives every request an id (the caller's x-request-id when it is a sane token) that the
 * route, the action and every Amazon Pay call log under, and returns it to the caller.
 * It also hands a browser its shopper cookie on the first page it loads, so the cookie is
 * there before any checkout action runs (the actions refuse without it and never mint one).
 * It authorizes nothing: each page, action and route checks its own caller.
 */
export function proxy(request: NextRequest): NextResponse {
  const requestId = requestIdFrom(request.headers.get('x-request-id'));
  const shopperToken = needsShopperToken(request) ? mintShopperToken() : null;
  // Forwarded on the request too, so this request's own render reads the cookie it is handed:
  // https://nextjs.org/docs/app/api-reference/file-conventions/proxy#using-cookies
  if (shopperToken) request.cookies.set(SHOPPER_COOKIE, shopperToken);
  const headers = new Headers(request.headers);
  headers.set('x-request-id', requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('x-request-id', requestId);
  if (shopperToken) {
    response.cookies.set(SHOPPER_COOKIE, shopperToken, cookieOptions({ maxAgeDays: SHOPPER_COOKIE_MAX_AGE_DAYS }));
  }
  return response;
}

/**
 * Page loads (GET) outside the API that arrive without a valid cookie. Server actions are
 * POSTs and get none here: a cookie minted per action would bring back the race it prevents.
 */
function needsShopperToken(request: NextRequest): boolean {
  if (request.method !== 'GET' || request.nextUrl.pathname.startsWith('/api/')) return false;
  return !isShopperToken(request.cookies.get(SHOPPER_COOKIE)?.value);
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|images/).*)'],
};
