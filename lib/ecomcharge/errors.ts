/**
 * The one error type the eComCharge client throws. Messages are plain words for
 * an admin screen; the shop secret never reaches a message, a field error or a
 * cause.
 */

export type EcomchargeErrorCode =
  | 'Unauthorized'
  | 'InvalidParameters'
  | 'RateLimited'
  | 'ServerError'
  | 'HttpError'
  | 'Timeout'
  | 'NetworkError'
  | 'Aborted'
  | 'UnexpectedResponse'
  | 'InvalidArgument';

export type EcomchargeFieldErrors = Readonly<Record<string, readonly string[]>>;

export interface EcomchargeErrorInit {
  /** HTTP status; 0 when no response arrived or the call never left. */
  status: number;
  code: EcomchargeErrorCode;
  message: string;
  retryable: boolean;
  operation: string;
  fieldErrors?: EcomchargeFieldErrors;
  /** Only a redacted `{ name, message }`: a raw fetch error could carry the request and its Authorization header. */
  cause?: { name: string; message: string };
}

export class EcomchargeError extends Error {
  override readonly name = 'EcomchargeError';
  readonly status: number;
  readonly code: EcomchargeErrorCode;
  readonly retryable: boolean;
  readonly operation: string;
  readonly fieldErrors: EcomchargeFieldErrors;

  constructor(init: EcomchargeErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.retryable = init.retryable;
    this.operation = init.operation;
    this.fieldErrors = init.fieldErrors ?? {};
  }
}

/** Transient answers worth another try; the reports API only reads, so every call is safe to repeat. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

export type Redact = (text: string) => string;

/** Replaces the secret, and the Basic token that encodes it, wherever a server or runtime might echo them. */
export function createRedactor(secrets: readonly string[]): Redact {
  const needles = secrets.filter((secret) => secret.length > 0);
  return (text) => needles.reduce((out, needle) => out.split(needle).join('[redacted]'), text);
}

const MAX_MESSAGE_LENGTH = 300;

function truncate(text: string): string {
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text;
}

interface ErrorBody {
  message?: string;
  errors: Record<string, string[]>;
}

/**
 * beGateway's error body `{message, errors: {field: [..]}}`, as the sandbox answers; eComCharge's report
 * pages do not show one (docs/ecomcharge-decisions.md).
 */
function readErrorBody(bodyText: string, redact: Redact): ErrorBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    return { errors: {} };
  }
  if (typeof parsed !== 'object' || parsed === null) return { errors: {} };
  const { message, errors } = parsed as Record<string, unknown>;
  const fieldErrors: Record<string, string[]> = {};
  if (typeof errors === 'object' && errors !== null) {
    for (const [field, value] of Object.entries(errors)) {
      const list = Array.isArray(value) ? value : [value];
      const texts = list.filter((item): item is string => typeof item === 'string').map((item) => truncate(redact(item)));
      if (texts.length > 0) fieldErrors[redact(field)] = texts;
    }
  }
  return { ...(typeof message === 'string' && { message: truncate(redact(message)) }), errors: fieldErrors };
}

function describeFieldErrors(errors: Record<string, string[]>): string {
  return Object.entries(errors)
    .map(([field, messages]) => `${field} ${messages.join(', ')}`)
    .join('; ');
}

/** Builds the error for a non-2xx answer; only the API's own `message` and `errors` are kept. */
export function errorFromResponse(operation: string, status: number, bodyText: string, redact: Redact): EcomchargeError {
  const body = readErrorBody(bodyText, redact);
  const base = { status, operation, fieldErrors: body.errors };
  if (status === 401 || status === 403) {
    return new EcomchargeError({
      ...base,
      code: 'Unauthorized',
      retryable: false,
      message: `eComCharge refused the shop credentials (HTTP ${status}): check the shop id and secret key.`,
    });
  }
  if (status === 422 || status === 400) {
    const details = describeFieldErrors(body.errors);
    return new EcomchargeError({
      ...base,
      code: 'InvalidParameters',
      retryable: false,
      message: `eComCharge rejected the report parameters (HTTP ${status})${details ? `: ${details}` : body.message ? `: ${body.message}` : '.'}`,
    });
  }
  if (status === 429) {
    return new EcomchargeError({
      ...base,
      code: 'RateLimited',
      retryable: true,
      message: 'eComCharge is limiting requests (HTTP 429); try again shortly.',
    });
  }
  if (status >= 500) {
    return new EcomchargeError({
      ...base,
      code: 'ServerError',
      retryable: true,
      message: `eComCharge is unavailable (HTTP ${status}); try again shortly.`,
    });
  }
  return new EcomchargeError({
    ...base,
    code: 'HttpError',
    retryable: isRetryableStatus(status),
    message: `eComCharge answered ${operation} with HTTP ${status}${body.message ? `: ${body.message}` : '.'}`,
  });
}

export function invalidArgument(operation: string, message: string): EcomchargeError {
  return new EcomchargeError({ status: 0, code: 'InvalidArgument', retryable: false, operation, message });
}
