/**
 * Requests a browser or Next's router makes ahead of a navigation: Next's prefetch and
 * RSC headers, and the Purpose / Sec-Purpose headers browsers send for prefetches
 * (https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Sec-Purpose).
 * A route that acts on GET answers them without acting.
 */
export function isSpeculativeRequest(headers: Headers): boolean {
  const purpose = `${headers.get('sec-purpose') ?? ''} ${headers.get('purpose') ?? ''}`.toLowerCase();
  return headers.has('next-router-prefetch') || headers.get('rsc') === '1' || purpose.includes('prefetch');
}

/** The answer to a speculative request: nothing, and nothing to keep. */
export function speculativeRequestResponse(): Response {
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
}
