import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The one logger: JSON lines in production (one object a line, for any log shipper),
 * pretty lines in development. Every line written while a request or a job runs carries
 * its id, so a shopper's click can be followed through to Amazon's request ids.
 */
export interface LogContext {
  requestId?: string;
  jobId?: string;
  job?: string;
}

const scope = new AsyncLocalStorage<LogContext>();

/**
 * Personal data and secrets never reach a log line, wherever they sit in what is logged:
 * buyer names, emails, addresses and phone numbers, and tokens, signatures, keys and
 * passwords. pino replaces them by path before the line is written.
 */
const SENSITIVE_KEYS = [
  'buyer',
  'buyerName',
  'email',
  'buyerEmail',
  'phone',
  'phoneNumber',
  'address',
  'shippingAddress',
  'billingAddress',
  'addressLine1',
  'addressLine2',
  'addressLine3',
  'token',
  'authToken',
  'accessToken',
  'controlToken',
  'signature',
  'authorization',
  'cookie',
  'privateKey',
  'secret',
  'secretKey',
  'password',
];
export const REDACTED_PATHS = SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]);

function prettyStream(): DestinationStream | undefined {
  try {
    // A development dependency: a production install without it logs JSON.
    const require = createRequire(import.meta.url);
    const pretty = require('pino-pretty') as (options: object) => DestinationStream;
    return pretty({ sync: true, colorize: process.stdout.isTTY === true, ignore: 'pid,hostname', translateTime: 'HH:MM:ss.l' });
  } catch {
    return undefined;
  }
}

export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL): Logger {
  level ??= process.env.VITEST ? 'silent' : 'info';
  const wantsPretty =
    process.env.LOG_FORMAT === 'pretty' || (process.env.LOG_FORMAT !== 'json' && process.env.NODE_ENV === 'development');
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'storefront' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin: () => ({ ...scope.getStore() }),
    serializers: { err: pino.stdSerializers.err },
  };
  const stream = destination ?? (wantsPretty ? prettyStream() : undefined);
  return stream ? pino(options, stream) : pino(options);
}

// Next.js dev reloads modules; one logger per process.
const globalForLog = globalThis as typeof globalThis & { __storefrontLogger?: Logger };
export const log: Logger = (globalForLog.__storefrontLogger ??= createLogger());

/** Runs `work` with `context` attached to every line it logs (nested scopes add to the outer one). */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return scope.run({ ...scope.getStore(), ...context }, work);
}

/** An error as a log field: its name, message and stack, never a response body. */
export function errorFields(error: unknown): { err: { name: string; message: string } } {
  if (error instanceof Error) return { err: { name: error.name, message: error.message } };
  return { err: { name: 'unknown', message: String(error) } };
}
