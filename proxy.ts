import { NextResponse, type NextRequest } from 'next/server';
import { requestIdFrom } from '@/lib/request-id';

/**
 * Gives every request an id (the caller's x-request-id when it is a sane token) that the
 * route, the action and every Amazon Pay call log under, and returns it to the caller.
 * It authorizes nothing: each page, action and route checks its own caller.
 */
export function proxy(request: NextRequest): NextResponse {
  const requestId = requestIdFrom(request.headers.get('x-request-id'));
  const headers = new Headers(request.headers);
  headers.set('x-request-id', requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('x-request-id', requestId);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|images/).*)'],
};
