/**
 * Retry timing: exponential backoff (as the official SDKs retry) with jitter, and Retry-After
 * wins when the server sends one. Everything is injectable so tests stay instant.
 */

export interface RetryConfig {
  /** Retries after the first attempt; 3 as in every SDK. */
  maxRetries: number;
  /** First backoff; doubles each retry. */
  baseDelayMs: number;
  /** Cap for backoff and for Retry-After. */
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** [0, 1); Math.random unless a test pins it. */
  random: () => number;
}

export const DEFAULT_RETRY: RetryConfig = {
  maxRetries: 3,
  baseDelayMs: 1000,
  maxDelayMs: 20_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/**
 * "Equal jitter": half the exponential step is fixed, half random, so retries
 * from many requests spread out but never collapse to zero.
 */
export function backoffDelay(retry: number, config: RetryConfig): number {
  const step = Math.min(config.maxDelayMs, config.baseDelayMs * 2 ** retry);
  return Math.round(step / 2 + (step / 2) * config.random());
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110, section 10.2.3); null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

export function retryDelay(retry: number, retryAfterMs: number | null, config: RetryConfig): number {
  if (retryAfterMs !== null) return Math.min(retryAfterMs, config.maxDelayMs);
  return backoffDelay(retry, config);
}
