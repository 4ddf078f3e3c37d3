/** The requests a route that acts on GET must answer without acting (lib/speculative-request.ts). */
export const SPECULATIVE_REQUEST_HEADERS: Array<[string, Record<string, string>]> = [
  ["Next's router prefetch", { 'next-router-prefetch': '1', rsc: '1' }],
  ['an RSC fetch', { rsc: '1' }],
  ['a browser prefetch (Sec-Purpose)', { 'sec-purpose': 'prefetch;prerender' }],
  ['a browser prefetch (Purpose)', { purpose: 'prefetch' }],
];
