import { createPublicKey, type KeyObject } from 'node:crypto';
import { environmentOf } from '@/lib/amazon-pay/endpoints';
import { resolveRegion } from '@/lib/amazon-pay/regions';
import {
  buildCanonicalRequest,
  buildStringToSign,
  MissingSignedHeaderError,
  normalizeSignedHeaders,
  parseAmazonTimestamp,
  parseAuthorizationHeader,
  verifySignature,
} from '@/lib/amazon-pay/signing';
import { SandboxHttpError, type RawRequest } from './http';

/**
 * Verifies a signed API request by rebuilding what https://developer.amazon.com/docs/amazon-pay-api-v2/signing-requests.html
 * has the client sign. Decisions on points Amazon does not document (sandbox/README.md,
 * docs/amazon-pay-decisions.md), each easy to change here:
 * - clock skew: ±15 minutes, as AWS SigV4 allows;
 * - x-amz-pay-date must be among SignedHeaders (else a captured request could be replayed forever);
 *   nothing else is required to be signed (the PHP SDK signs only 5 headers);
 * - unknown key → 401 UnauthorizedAccess; bad signature → 401 InvalidRequestSignature;
 *   stale or malformed date → 400 InvalidHeaderValue.
 */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export class KeyRegistry {
  private readonly keys = new Map<string, KeyObject>();

  register(publicKeyId: string, pem: string): void {
    // createPublicKey accepts SPKI, PKCS#1 or a private key PEM; it throws on junk.
    this.keys.set(publicKeyId, createPublicKey(pem));
  }

  get(publicKeyId: string): KeyObject | undefined {
    return this.keys.get(publicKeyId);
  }

  ids(): string[] {
    return [...this.keys.keys()];
  }

  clear(): void {
    this.keys.clear();
  }
}

export interface VerifiedRequest {
  publicKeyId: string;
}

/** Query pairs decoded with decodeURIComponent only: '+' stays '+', as the SDKs encode space as %20. */
export function parseQueryPairs(search: string): Array<[string, string]> {
  const text = search.startsWith('?') ? search.slice(1) : search;
  if (text === '') return [];
  return text
    .split('&')
    .filter(Boolean)
    .map((part) => {
      const eq = part.indexOf('=');
      const key = eq === -1 ? part : part.slice(0, eq);
      const value = eq === -1 ? '' : part.slice(eq + 1);
      return [safeDecode(key), safeDecode(value)];
    });
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new SandboxHttpError(400, 'InvalidRequest', `Malformed percent-encoding in '${value}'.`);
  }
}

/** The path as received, decoded, so canonicalUri re-encodes it exactly once. */
function decodedPath(pathname: string): string {
  return pathname.split('/').map(safeDecode).join('/');
}

/**
 * `nowMs` lists the instants a date may be near: the sandbox clock and the wall
 * clock. Advancing the sandbox clock (to expire sessions, say) must not lock out
 * an app that signs with real time, and a frozen test clock must accept requests
 * signed at its time.
 */
export function verifyRequest(request: RawRequest, keys: KeyRegistry, nowMs: readonly number[]): VerifiedRequest {
  const authorization = request.headers.get('authorization');
  if (!authorization) throw new SandboxHttpError(400, 'MissingHeader', "The mandatory header 'authorization' is missing.");
  const dateHeader = request.headers.get('x-amz-pay-date');
  if (!dateHeader) throw new SandboxHttpError(400, 'MissingHeader', "The mandatory header 'x-amz-pay-date' is missing.");

  const parsed = parseAuthorizationHeader(authorization);
  if (!parsed) throw new SandboxHttpError(400, 'InvalidHeaderValue', "The value provided for header 'authorization' is invalid.");

  const date = parseAmazonTimestamp(dateHeader.trim());
  if (!date) throw new SandboxHttpError(400, 'InvalidHeaderValue', "The value provided for header 'x-amz-pay-date' is invalid.");
  if (!nowMs.some((now) => Math.abs(date.getTime() - now) <= MAX_CLOCK_SKEW_MS)) {
    throw new SandboxHttpError(
      400,
      'InvalidHeaderValue',
      "The value provided for header 'x-amz-pay-date' is more than 15 minutes from the server time.",
    );
  }

  const region = request.headers.get('x-amz-pay-region');
  if (region !== null && resolveRegion(region) === null) {
    throw new SandboxHttpError(400, 'InvalidHeaderValue', "The value provided for header 'x-amz-pay-region' is invalid.");
  }

  const key = keys.get(parsed.publicKeyId);
  if (!key) throw new SandboxHttpError(401, 'UnauthorizedAccess', `The publicKeyId ${parsed.publicKeyId} is not registered.`);

  // The key prefix, else the path segment, picks the environment, as the official SDKs build the URL.
  const environment = environmentOf(parsed.publicKeyId, request.url.pathname);
  if (environment === null) {
    throw new SandboxHttpError(
      400,
      'InvalidRequest',
      'The environment (sandbox or live) cannot be determined from the publicKeyId or the path.',
    );
  }
  const pathEnv = request.url.pathname.replace(/^\/+/, '').split('/')[0];
  if ((pathEnv === 'sandbox' || pathEnv === 'live') && pathEnv !== environment) {
    throw new SandboxHttpError(
      401,
      'InvalidRequestSignature',
      `The publicKeyId belongs to ${environment} but the request went to /${pathEnv}.`,
    );
  }

  const signedHeaders = normalizeSignedHeaders(parsed.signedHeaders);
  if (!signedHeaders.includes('x-amz-pay-date')) {
    throw new SandboxHttpError(400, 'InvalidHeaderValue', "SignedHeaders must include 'x-amz-pay-date'.");
  }
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });

  let canonical: string;
  try {
    canonical = buildCanonicalRequest({
      method: request.method,
      path: decodedPath(request.url.pathname),
      query: parseQueryPairs(request.url.search),
      headers,
      signedHeaders,
      body: request.body,
    });
  } catch (error) {
    if (error instanceof MissingSignedHeaderError) throw new SandboxHttpError(400, 'MissingHeader', error.message);
    throw error;
  }
  const stringToSign = buildStringToSign(parsed.algorithm, canonical);
  if (!verifySignature(key, parsed.algorithm, stringToSign, parsed.signature)) {
    // Message format as Amazon answers (https://github.com/amzn/amazon-pay-api-sdk-dotnet/issues/4).
    throw new SandboxHttpError(
      401,
      'InvalidRequestSignature',
      `Unable to verify signature, signing String [${stringToSign}] , signature [${parsed.signature}]`,
    );
  }
  return { publicKeyId: parsed.publicKeyId };
}
