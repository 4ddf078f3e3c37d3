/** A request id: the caller's x-request-id when it is a sane token, else a fresh one. */
export function requestIdFrom(header: string | null | undefined): string {
  return header && /^[A-Za-z0-9._-]{8,64}$/.test(header) ? header : crypto.randomUUID();
}
