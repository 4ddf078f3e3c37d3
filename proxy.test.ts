import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from './proxy';

const VALID_TOKEN = 'a'.repeat(43);

function request(path: string, init: { method?: string; cookie?: string } = {}): NextRequest {
  return new NextRequest(new URL(path, 'http://localhost'), {
    method: init.method ?? 'GET',
    headers: init.cookie ? { cookie: init.cookie } : {},
  });
}

/** The shopper cookie the proxy hands the browser, if any. */
function mintedCookie(response: Response): string | undefined {
  return response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('shopper='))
    ?.split(';')[0]
    ?.slice('shopper='.length);
}

/** The Cookie header the proxy forwards to this request's render (NextResponse.next's request headers). */
function forwardedCookieHeader(response: Response): string | null {
  return response.headers.get('x-middleware-request-cookie');
}

describe('proxy: the shopper cookie', () => {
  it('mints it on the first page load and forwards it to that same render', () => {
    const response = proxy(request('/cart', { cookie: 'cart_id=123' }));
    const token = mintedCookie(response);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const setCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith('shopper='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/Max-Age=31536000/);
    expect(forwardedCookieHeader(response)).toContain(`shopper=${token}`);
    expect(forwardedCookieHeader(response)).toContain('cart_id=123');
  });

  it('leaves a browser that has a valid one alone', () => {
    const response = proxy(request('/checkout/review?amazonCheckoutSessionId=abc12345', { cookie: `shopper=${VALID_TOKEN}` }));
    expect(mintedCookie(response)).toBeUndefined();
  });

  it('replaces a malformed one, on the response and on the forwarded request', () => {
    const response = proxy(request('/', { cookie: 'shopper=tampered' }));
    const token = mintedCookie(response);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(forwardedCookieHeader(response)).toBe(`shopper=${token}`);
  });

  it('mints none for a server action (a POST) or an API call', () => {
    expect(mintedCookie(proxy(request('/checkout/review?amazonCheckoutSessionId=abc12345', { method: 'POST' })))).toBeUndefined();
    expect(mintedCookie(proxy(request('/api/health')))).toBeUndefined();
  });

  it('hands each browser its own token', () => {
    expect(mintedCookie(proxy(request('/')))).not.toBe(mintedCookie(proxy(request('/'))));
  });
});
