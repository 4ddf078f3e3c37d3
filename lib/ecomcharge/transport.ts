import type { z } from 'zod';
import { createRedactor, EcomchargeError, errorFromResponse, type Redact } from './errors';

/**
 * One POST with Basic auth, a timeout per attempt, and a short retry for
 * transient failures. The reports API only reads, so repeating a call is safe.
 */
export interface TransportConfig {
  /** Base such as https://gateway.ecomcharge.com (white-label gateways use other hosts). */
  apiUrl: string;
  shopId: string;
  secretKey: string;
  fetch: typeof fetch;
  timeoutMs: number;
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff; doubles each retry, with jitter. */
  retryDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

export interface PostSpec<T> {
  operation: string;
  path: string;
  /** The X-Api-Version header selects the API variant (https://doc.ecomcharge.com/en/payment_management/reports/reports_shop/). */
  apiVersion: '2' | '3';
  body: unknown;
  schema: z.ZodType<T>;
  signal?: AbortSignal | undefined;
}

export type Post = <T>(spec: PostSpec<T>) => Promise<T>;

type Outcome<T> = { ok: true; value: T } | { ok: false; error: EcomchargeError };

export function createTransport(config: TransportConfig): Post {
  const base = config.apiUrl.replace(/\/+$/, '');
  const token = Buffer.from(`${config.shopId}:${config.secretKey}`, 'utf8').toString('base64');
  const authorization = `Basic ${token}`;
  const redact = createRedactor([config.secretKey, token]);

  return async function post<T>(spec: PostSpec<T>): Promise<T> {
    const body = JSON.stringify(spec.body);
    for (let attempt = 0; ; attempt++) {
      const outcome = await attemptOnce(spec, `${base}${spec.path}`, body);
      if (outcome.ok) return outcome.value;
      if (!outcome.error.retryable || attempt >= config.retries || spec.signal?.aborted) throw outcome.error;
      const step = config.retryDelayMs * 2 ** attempt;
      await config.sleep(Math.round(step / 2 + (step / 2) * Math.random()));
    }
  };

  async function attemptOnce<T>(spec: PostSpec<T>, url: string, body: string): Promise<Outcome<T>> {
    const timeout = AbortSignal.timeout(config.timeoutMs);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
    try {
      // Raced against the signal too, so a fetch that ignores it (a stub, an old polyfill) cannot hang us.
      const answer = await untilAborted(signal, async () => {
        const response = await config.fetch(url, {
          method: 'POST',
          headers: {
            authorization,
            'content-type': 'application/json',
            accept: 'application/json',
            'x-api-version': spec.apiVersion,
          },
          body,
          signal,
        });
        return { status: response.status, text: await response.text() };
      });
      if (answer.status < 200 || answer.status >= 300)
        return { ok: false, error: errorFromResponse(spec.operation, answer.status, answer.text, redact) };
      return parseBody(spec, answer.status, answer.text);
    } catch (error) {
      return { ok: false, error: failureError(spec, error, timeout, redact) };
    }
  }
}

function untilAborted<T>(signal: AbortSignal, run: () => Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    run().then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function parseBody<T>(spec: PostSpec<T>, status: number, text: string): Outcome<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: unexpected(spec.operation, status, 'the body is not JSON') };
  }
  const result = spec.schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  // Paths only, never values: a value could be card data.
  const where = result.error.issues
    .slice(0, 3)
    .map((issue) => issue.path.join('.') || '(root)')
    .join(', ');
  return { ok: false, error: unexpected(spec.operation, status, `unexpected shape at ${where}`) };
}

function unexpected(operation: string, status: number, detail: string): EcomchargeError {
  return new EcomchargeError({
    status,
    code: 'UnexpectedResponse',
    retryable: false,
    operation,
    message: `eComCharge answered ${operation} with a response we cannot read: ${detail}.`,
  });
}

function failureError(spec: PostSpec<unknown>, error: unknown, timeout: AbortSignal, redact: Redact): EcomchargeError {
  if (error instanceof EcomchargeError) return error;
  const cause =
    error instanceof Error
      ? { name: error.name, message: redact(error.message) }
      : { name: 'Error', message: redact(String(error)) };
  if (spec.signal?.aborted) {
    return new EcomchargeError({
      status: 0,
      code: 'Aborted',
      retryable: false,
      operation: spec.operation,
      message: `The ${spec.operation} call was cancelled.`,
      cause,
    });
  }
  if (timeout.aborted) {
    return new EcomchargeError({
      status: 0,
      code: 'Timeout',
      retryable: true,
      operation: spec.operation,
      message: `eComCharge did not answer ${spec.operation} in time.`,
      cause,
    });
  }
  return new EcomchargeError({
    status: 0,
    code: 'NetworkError',
    retryable: true,
    operation: spec.operation,
    message: `eComCharge could not be reached for ${spec.operation}.`,
    cause,
  });
}
