/**
 * The raw request the core works on. A WHATWG Request cannot carry a body on GET,
 * but the Node SDK signs and sends the literal body `null` on some GETs, so the
 * node:http adapter hands the core the bytes it received.
 */
export interface RawRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: Uint8Array;
}

export async function rawFromRequest(request: Request): Promise<RawRequest> {
  const body = request.body ? new Uint8Array(await request.arrayBuffer()) : new Uint8Array();
  return { method: request.method.toUpperCase(), url: new URL(request.url), headers: request.headers, body };
}

export function bodyText(request: RawRequest): string {
  return new TextDecoder().decode(request.body);
}

/**
 * An Amazon-shaped error: `{reasonCode, message}`
 * (https://developer.amazon.com/docs/amazon-pay-api-v2/error-handling.html). Thrown by state code, turned into a
 * Response by the router.
 */
export class SandboxHttpError extends Error {
  override readonly name = 'SandboxHttpError';
  constructor(
    readonly status: number,
    readonly reasonCode: string,
    message: string,
  ) {
    super(message);
  }
}

/** Amazon's answer for a required field the request left out. */
export function missingField(field: string): SandboxHttpError {
  return new SandboxHttpError(400, 'MissingParameterValue', `The mandatory field '${field}' is missing.`);
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...headers },
  });
}

export function errorResponse(error: SandboxHttpError, headers: Record<string, string> = {}): Response {
  return json(error.status, { reasonCode: error.reasonCode, message: error.message }, headers);
}

export function html(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });
}

export function redirect(location: string, status = 303): Response {
  return new Response(null, { status, headers: { location } });
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Parses a JSON body as unknown; an unparsable body is Amazon's InvalidRequestFormat. */
export function parseJsonBody(request: RawRequest): unknown {
  const text = bodyText(request).trim();
  if (text === '' || text === 'null') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SandboxHttpError(400, 'InvalidRequestFormat', 'The request body is not valid JSON.');
  }
}
