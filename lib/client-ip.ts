/**
 * The client's address, as the outermost of our trusted proxies saw it. Each proxy appends
 * the address it was reached from to X-Forwarded-For, so with N trusted proxies the client
 * is the Nth entry from the end; anything before it is whatever the client claimed. With
 * no trusted proxy the header is never read: Next.js passes a client's own X-Forwarded-For
 * through unchanged, so it proves nothing. Null when the address cannot be known.
 */
export function clientIpFrom(
  forwardedFor: string | readonly string[] | null | undefined,
  trustedProxyHops: number,
): string | null {
  if (trustedProxyHops <= 0 || !forwardedFor) return null;
  const entries = (typeof forwardedFor === 'string' ? [forwardedFor] : forwardedFor)
    .flatMap((value) => value.split(','))
    .map((entry) => entry.trim());
  const client = entries[entries.length - trustedProxyHops];
  return client && /^[0-9A-Fa-f:.]{2,45}$/.test(client) ? client : null;
}
