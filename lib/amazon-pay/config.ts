import { z } from 'zod';
import { REGION_ALIASES, resolveRegion, type Region } from './regions';
import { DEFAULT_RETRY, type RetryConfig } from './retry';
import { DEFAULT_SIGNATURE_ALGORITHM, SIGNATURE_ALGORITHMS, type SignatureAlgorithm } from './signing';

export const DEFAULT_TIMEOUT_MS = 10_000;
/**
 * All attempts and the waits between them, per call: a shopper waiting on Place order or the
 * return from Amazon gives up long before four 10 s attempts and their backoff would end.
 */
export const DEFAULT_BUDGET_MS = 20_000;

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** One attempt on the wire, for the caller's logs: no body, header or key, only what identifies it. */
export interface AttemptRecord {
  operation: string;
  method: string;
  attempt: number;
  /** 0 when no response came back. */
  status: number;
  durationMs: number;
  /** Amazon's x-amz-pay-request-id, which Amazon's support asks for. */
  requestId: string | undefined;
  reasonCode: string | undefined;
}

const isFunction = (value: unknown) => typeof value === 'function';

const retrySchema = z.object({
  maxRetries: z.number().int().min(0).max(10).optional(),
  baseDelayMs: z.number().min(0).optional(),
  maxDelayMs: z.number().min(0).optional(),
  sleep: z.custom<RetryConfig['sleep']>(isFunction).optional(),
  random: z.custom<RetryConfig['random']>(isFunction).optional(),
});

export const amazonPayConfigSchema = z.object({
  publicKeyId: z.string().trim().min(1),
  // Only its shape is checked here; the key is parsed once, by parsePrivateKey.
  privateKey: z.string().includes('PRIVATE KEY-----', { message: 'privateKey must be a PEM private key' }),
  region: z.string().refine((value) => resolveRegion(value) !== null, {
    message: `region must be one of ${REGION_ALIASES.join(', ')}`,
  }),
  sandbox: z.boolean().default(false),
  algorithm: z.enum(SIGNATURE_ALGORITHMS as [SignatureAlgorithm, ...SignatureAlgorithm[]]).default(DEFAULT_SIGNATURE_ALGORITHM),
  endpoint: z.url({ protocol: /^https?$/ }).optional(),
  fetch: z.custom<FetchLike>(isFunction).optional(),
  retry: retrySchema.optional(),
  /** The clock that dates each attempt; tests pin it. */
  clock: z.custom<() => Date>(isFunction).optional(),
  onAttempt: z.custom<(record: AttemptRecord) => void>(isFunction).optional(),
  /** How long one attempt may take before it is abandoned (and retried, within the retry budget). */
  timeoutMs: z.number().int().min(1).max(120_000).default(DEFAULT_TIMEOUT_MS),
  /** How long one call may take across all its attempts and retry waits; each attempt gets at most what is left. */
  budgetMs: z.number().int().min(1).max(600_000).default(DEFAULT_BUDGET_MS),
  /** Milliseconds on a monotonic clock, which the budget is measured on; tests drive it from their sleep. */
  now: z.custom<() => number>(isFunction).optional(),
});

export type AmazonPayConfig = z.input<typeof amazonPayConfigSchema>;

export interface ResolvedConfig {
  publicKeyId: string;
  privateKey: string;
  region: Region;
  sandbox: boolean;
  algorithm: SignatureAlgorithm;
  endpoint: string | undefined;
  fetch: FetchLike;
  retry: RetryConfig;
  clock: () => Date;
  onAttempt: (record: AttemptRecord) => void;
  timeoutMs: number;
  budgetMs: number;
  now: () => number;
}

export class AmazonPayConfigError extends Error {
  override readonly name = 'AmazonPayConfigError';
}

/** Validates the config; messages name the bad fields, never their values (the key is one of them). */
export function resolveConfig(input: AmazonPayConfig): ResolvedConfig {
  const result = amazonPayConfigSchema.safeParse(input);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new AmazonPayConfigError(`Invalid Amazon Pay config: ${fields.join('; ')}`);
  }
  const config = result.data;
  return {
    publicKeyId: config.publicKeyId,
    privateKey: config.privateKey,
    // Refined above, so never null.
    region: resolveRegion(config.region) ?? 'na',
    sandbox: config.sandbox,
    algorithm: config.algorithm,
    endpoint: config.endpoint,
    fetch: config.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    retry: { ...DEFAULT_RETRY, ...stripUndefined(config.retry ?? {}) },
    clock: config.clock ?? (() => new Date()),
    onAttempt: config.onAttempt ?? (() => {}),
    timeoutMs: config.timeoutMs,
    budgetMs: config.budgetMs,
    now: config.now ?? (() => performance.now()),
  };
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
