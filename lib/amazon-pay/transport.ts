import type { z } from 'zod';
import type { ResolvedConfig } from './config';
import { environmentPathPrefix, resolveBase, type ResolvedBase } from './endpoints';
import { AmazonPayError, errorFromResponse } from './errors';
import { generateIdempotencyKey, isValidIdempotencyKey } from './idempotency';
import { parseRetryAfter, retryDelay } from './retry';
import type { Signer } from './signer';
import {
  buildCanonicalRequest,
  buildStringToSign,
  canonicalUri,
  encodeRfc3986,
  formatAmazonTimestamp,
  formatAuthorizationHeader,
  normalizeSignedHeaders,
} from './signing';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Per-call options for writes. */
export interface WriteOptions {
  /**
   * ≤32 chars of [A-Za-z0-9_-]; POSTs get a generated one when omitted
   * (https://developer.amazon.com/docs/amazon-pay-api-v2/idempotency.html).
   */
  idempotencyKey?: string;
  /**
   * Sandbox only: sent as x-amz-pay-simulation-code
   * (https://developer.amazon.com/docs/amazon-pay-checkout/sandbox-simulations.html).
   */
  simulationCode?: string;
  /** Solution-provider delegation token, sent as x-amz-pay-authtoken (.NET SDK README). */
  authToken?: string;
  signal?: AbortSignal;
}

export type ReadOptions = Pick<WriteOptions, 'authToken' | 'signal'>;

export interface RequestSpec<T> {
  operation: string;
  method: HttpMethod;
  /** Decoded path segments below the version prefix, e.g. ['charges', chargeId, 'capture']. */
  segments: readonly string[];
  query?: ReadonlyArray<readonly [string, string]>;
  body?: unknown;
  options?: WriteOptions | undefined;
  schema: z.ZodType<T>;
}

export type Send = <T>(spec: RequestSpec<T>) => Promise<T>;

const USER_AGENT = 'storefront-amazon-pay/1.0 (TypeScript; Node)';

export function createTransport(config: ResolvedConfig, signer: Signer): Send {
  const base = resolveBase(config.region, config.endpoint);
  const prefix = environmentPathPrefix(config.publicKeyId, config.sandbox);

  return async function send<T>(spec: RequestSpec<T>): Promise<T> {
    const path = buildPath(spec, base, prefix);
    const idempotencyKey = resolveIdempotencyKey(spec);
    // Serialized once: the bytes we hash are the bytes we send.
    const body = spec.body === undefined ? '' : JSON.stringify(spec.body);
    const query = spec.query ?? [];
    const url = `${base.origin}${canonicalUri(path)}${query.length > 0 ? `?${encodeQuery(query)}` : ''}`;

    const budgetEnds = config.now() + config.budgetMs;
    let lastError: AmazonPayError | undefined;
    for (let attempt = 0; ; attempt++) {
      // Each attempt is re-signed with a fresh date, keeping the idempotency key.
      const headers = await signedHeaders({ config, signer, base, spec, path, query, body, idempotencyKey });
      const left = budgetEnds - config.now();
      if (left <= 0) throw budgetSpent(spec.operation, config.budgetMs, lastError);
      // Capped by what is left of the budget, so the last attempt ends with it.
      const attemptTimeoutMs = Math.min(config.timeoutMs, left);
      const started = performance.now();
      const outcome = await attemptOnce(config, spec, url, headers, body, attemptTimeoutMs);
      config.onAttempt({
        operation: spec.operation,
        method: spec.method,
        attempt: attempt + 1,
        status: outcome.ok ? outcome.status : outcome.error.status,
        durationMs: Math.round(performance.now() - started),
        requestId: outcome.ok ? outcome.requestId : outcome.error.requestId,
        reasonCode: outcome.ok ? undefined : outcome.error.reasonCode,
      });
      if (outcome.ok) return outcome.value;
      const { error, retryAfterMs, timedOut } = outcome;
      if (!error.retryable || spec.options?.signal?.aborted) throw error;
      if (timedOut && attemptTimeoutMs < config.timeoutMs) throw budgetSpent(spec.operation, config.budgetMs, error);
      if (attempt >= config.retry.maxRetries) throw error;
      const delay = retryDelay(attempt, retryAfterMs, config.retry);
      // A wait that would use up the budget leaves no time for the attempt after it.
      if (delay >= budgetEnds - config.now()) throw budgetSpent(spec.operation, config.budgetMs, error);
      lastError = error;
      await config.retry.sleep(delay);
    }
  };
}

/**
 * The call ran out of its budget. Amazon's reasonCode when the last attempt got an answer
 * (a 503 or 429 that kept coming), else Timeout. Still retryable: the caller may try again later.
 */
function budgetSpent(operation: string, budgetMs: number, last: AmazonPayError | undefined): AmazonPayError {
  const answered = last !== undefined && last.status !== 0;
  return new AmazonPayError({
    status: answered ? last.status : 0,
    reasonCode: answered ? last.reasonCode : 'Timeout',
    message: `${operation} timed out after ${budgetMs} ms budget`,
    retryable: true,
    requestId: last?.requestId,
    operation,
    cause: last,
  });
}

function buildPath(spec: RequestSpec<unknown>, base: ResolvedBase, prefix: string): string {
  for (const segment of spec.segments) {
    // canonicalUri keeps '/' and '.', so an empty id, a '/' or a dot segment would address another resource.
    if (segment.trim() === '' || segment.includes('/') || segment === '.' || segment === '..') {
      throw invalidArgument(spec.operation, 'an id in the path is empty or contains a path separator');
    }
  }
  return `${base.basePath}${prefix}/${spec.segments.join('/')}`;
}

function resolveIdempotencyKey(spec: RequestSpec<unknown>): string | undefined {
  const given = spec.options?.idempotencyKey;
  if (given !== undefined) {
    if (!isValidIdempotencyKey(given)) {
      throw invalidArgument(spec.operation, 'idempotencyKey must be 1-32 characters of [A-Za-z0-9_-]');
    }
    return given;
  }
  // Amazon only honours the key on POST; like .NET we give every POST one so a retry can never double-charge.
  return spec.method === 'POST' ? generateIdempotencyKey() : undefined;
}

function encodeQuery(query: ReadonlyArray<readonly [string, string]>): string {
  // Same strict encoding as the canonical query, so what is signed is what is sent.
  return query.map(([key, value]) => `${encodeRfc3986(key)}=${encodeRfc3986(value)}`).join('&');
}

interface SignInput {
  config: ResolvedConfig;
  signer: Signer;
  base: ResolvedBase;
  spec: RequestSpec<unknown>;
  path: string;
  query: ReadonlyArray<readonly [string, string]>;
  body: string;
  idempotencyKey: string | undefined;
}

async function signedHeaders(input: SignInput): Promise<Record<string, string>> {
  const { config, signer, base, spec, idempotencyKey } = input;
  // The five headers every official SDK signs (signing-requests.html), plus the idempotency key when present.
  const signed: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/json',
    'x-amz-pay-date': formatAmazonTimestamp(config.clock()),
    'x-amz-pay-host': base.host,
    'x-amz-pay-region': config.region,
    ...(idempotencyKey !== undefined && { 'x-amz-pay-idempotency-key': idempotencyKey }),
  };
  const signedNames = normalizeSignedHeaders(Object.keys(signed));
  const canonical = buildCanonicalRequest({
    method: spec.method,
    path: input.path,
    query: input.query,
    headers: signed,
    signedHeaders: signedNames,
    body: input.body,
  });
  const signature = await signer.sign(buildStringToSign(signer.algorithm, canonical));
  const options = spec.options;
  return {
    ...signed,
    authorization: formatAuthorizationHeader({
      algorithm: signer.algorithm,
      publicKeyId: config.publicKeyId,
      signedHeaders: signedNames,
      signature,
    }),
    'user-agent': USER_AGENT,
    // Unsigned, as the PHP SDK's Client.php sends them: Amazon does not require them signed.
    ...(options?.simulationCode !== undefined && { 'x-amz-pay-simulation-code': options.simulationCode }),
    ...(options?.authToken !== undefined && { 'x-amz-pay-authtoken': options.authToken }),
  };
}

type Outcome<T> =
  | { ok: true; value: T; status: number; requestId: string | undefined }
  | { ok: false; error: AmazonPayError; retryAfterMs: number | null; timedOut: boolean };

async function attemptOnce<T>(
  config: ResolvedConfig,
  spec: RequestSpec<T>,
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<Outcome<T>> {
  let response: Response;
  let text: string;
  // Each attempt has its own deadline, so a stalled or dead connection costs at most timeoutMs.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const signal = spec.options?.signal ? AbortSignal.any([spec.options.signal, deadline.signal]) : deadline.signal;
  // Raced as well as passed on, for a fetch that does not honour its signal.
  const stopped = new Promise<never>((_, reject) =>
    signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }),
  );
  stopped.catch(() => undefined);
  try {
    response = await Promise.race([
      config.fetch(url, { method: spec.method, headers, ...(spec.method !== 'GET' && { body }), signal }),
      stopped,
    ]);
    text = await Promise.race([response.text(), stopped]);
  } catch (cause) {
    const aborted = spec.options?.signal?.aborted === true;
    const timedOut = !aborted && deadline.signal.aborted;
    const error = new AmazonPayError({
      status: 0,
      reasonCode: aborted ? 'Aborted' : timedOut ? 'Timeout' : 'NetworkError',
      message: timedOut
        ? `${spec.operation} timed out after ${timeoutMs} ms`
        : `${spec.operation} did not get a response: ${cause instanceof Error ? cause.message : 'unknown failure'}`,
      retryable: !aborted,
      operation: spec.operation,
      cause,
    });
    return { ok: false, error, retryAfterMs: null, timedOut };
  } finally {
    clearTimeout(timer);
  }

  const requestId = response.headers.get('x-amz-pay-request-id') ?? undefined;
  if (!response.ok) {
    const error = errorFromResponse(spec.operation, response.status, text, requestId);
    return {
      ok: false,
      error,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), config.clock()),
      timedOut: false,
    };
  }
  return { ok: true, value: parseSuccess(spec, response.status, text, requestId), status: response.status, requestId };
}

function parseSuccess<T>(spec: RequestSpec<T>, status: number, text: string, requestId: string | undefined): T {
  let json: unknown;
  try {
    json = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw unexpected(spec.operation, status, requestId, 'the response is not JSON');
  }
  const parsed = spec.schema.safeParse(json);
  if (!parsed.success) {
    // Paths only: the values may be a buyer's personal data.
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw unexpected(spec.operation, status, requestId, `the response does not match its schema at ${where}`);
  }
  return parsed.data;
}

function unexpected(operation: string, status: number, requestId: string | undefined, detail: string): AmazonPayError {
  return new AmazonPayError({
    status,
    reasonCode: 'UnexpectedResponse',
    message: `${operation}: ${detail}`,
    retryable: false,
    requestId,
    operation,
  });
}

function invalidArgument(operation: string, detail: string): AmazonPayError {
  return new AmazonPayError({
    status: 0,
    reasonCode: 'InvalidArgument',
    message: `${operation}: ${detail}`,
    retryable: false,
    operation,
  });
}
