/**
 * The one error type the client throws. Amazon's `reasonCode` is an open union
 * because Amazon adds codes (https://developer.amazon.com/docs/amazon-pay-api-v2/error-handling.html;
 * https://github.com/amzn/amazon-pay-api-sdk-dotnet/issues/5).
 */

export type AmazonPayReasonCode =
  | 'InvalidParameterValue'
  | 'InvalidRequestSignature'
  | 'UnauthorizedAccess'
  | 'ResourceNotFound'
  | 'DuplicateIdempotencyKey'
  | 'InvalidCheckoutSessionStatus'
  | 'TooManyRequests'
  | 'ServiceUnavailable'
  // Raised by this client, not by Amazon:
  | 'NetworkError'
  | 'Timeout'
  | 'Aborted'
  | 'UnexpectedResponse'
  | 'InvalidArgument'
  | (string & {});

export interface AmazonPayErrorInit {
  /** HTTP status; 0 when no response arrived or the call never left. */
  status: number;
  reasonCode: AmazonPayReasonCode;
  message: string;
  retryable: boolean;
  requestId?: string | undefined;
  operation: string;
  cause?: unknown;
}

export class AmazonPayError extends Error {
  override readonly name = 'AmazonPayError';
  readonly status: number;
  readonly reasonCode: AmazonPayReasonCode;
  readonly retryable: boolean;
  readonly requestId: string | undefined;
  readonly operation: string;

  constructor(init: AmazonPayErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.reasonCode = init.reasonCode;
    this.retryable = init.retryable;
    this.requestId = init.requestId;
    this.operation = init.operation;
  }
}

// The statuses the official SDKs retry (e.g. .NET Constants.cs, PHP HttpCurl.php), plus all of 5xx.
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

// Amazon's messages are short; anything longer is not a message we want in a log line.
const MAX_MESSAGE_LENGTH = 300;

/**
 * Builds the error from a non-2xx answer. Only Amazon's own `reasonCode` and
 * `message` fields are kept; a body that is not Amazon's error JSON (an HTML 502
 * page, say) never reaches the message.
 */
export function errorFromResponse(
  operation: string,
  status: number,
  bodyText: string,
  requestId: string | undefined,
): AmazonPayError {
  const fields = readErrorFields(bodyText);
  return new AmazonPayError({
    status,
    reasonCode: fields.reasonCode ?? `HTTP${status}`,
    message: truncate(fields.message ?? `Amazon Pay answered ${operation} with HTTP ${status}`),
    retryable: isRetryableStatus(status),
    requestId,
    operation,
  });
}

function readErrorFields(bodyText: string): { reasonCode?: string; message?: string } {
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const { reasonCode, message } = parsed as Record<string, unknown>;
    return {
      ...(typeof reasonCode === 'string' && { reasonCode }),
      ...(typeof message === 'string' && { message }),
    };
  } catch {
    return {};
  }
}

function truncate(text: string): string {
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text;
}
