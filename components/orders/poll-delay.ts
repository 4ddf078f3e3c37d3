/**
 * How long the order page waits before its next status read: 2 s, then half as long again
 * each time, up to 30 s. A pending authorization (AuthorizationInitiated,
 * https://developer.amazon.com/docs/amazon-pay-api-v2/charge.html) settles within seconds to
 * a day, so quick outcomes show quickly and a long wait costs one read every half minute.
 */
export function pollDelayMs(readsSoFar: number): number {
  return Math.min(2_000 * 1.5 ** Math.max(0, readsSoFar), 30_000);
}
