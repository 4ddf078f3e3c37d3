import { createHash, createPublicKey, constants, verify, type KeyObject } from 'node:crypto';

/**
 * Pure, secret-free signing primitives shared by our client and the offline
 * emulator in `sandbox/`, which verifies requests with the same canonicalization.
 * No `server-only` here: the emulator runs under plain Node.
 * https://developer.amazon.com/docs/amazon-pay-api-v2/signing-requests.html
 */

export type SignatureAlgorithm = 'AMZN-PAY-RSASSA-PSS-V2' | 'AMZN-PAY-RSASSA-PSS';

export const SIGNATURE_ALGORITHMS: readonly SignatureAlgorithm[] = ['AMZN-PAY-RSASSA-PSS-V2', 'AMZN-PAY-RSASSA-PSS'];

export const DEFAULT_SIGNATURE_ALGORITHM: SignatureAlgorithm = 'AMZN-PAY-RSASSA-PSS-V2';

export function isSignatureAlgorithm(value: string): value is SignatureAlgorithm {
  return (SIGNATURE_ALGORITHMS as readonly string[]).includes(value);
}

/** RSASSA-PSS salt: 32 bytes for V2, 20 for the legacy name (.NET SDK Types/AmazonSignatureAlgorithm.cs). */
export function saltLengthFor(algorithm: SignatureAlgorithm): number {
  return algorithm === 'AMZN-PAY-RSASSA-PSS-V2' ? 32 : 20;
}

const UNRESERVED = /[A-Za-z0-9\-_.~]/;
const utf8 = new TextEncoder();

function percentEncode(value: string, keep: (char: string) => boolean): string {
  let out = '';
  for (const char of value) {
    if (keep(char)) {
      out += char;
      continue;
    }
    for (const byte of utf8.encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Strict RFC 3986: only A-Za-z0-9-_.~ stay literal, every other UTF-8 byte becomes
 * %XX with upper-case hex. encodeURIComponent would leave !'()* alone.
 */
export function encodeRfc3986(value: string): string {
  return percentEncode(value, (char) => UNRESERVED.test(char));
}

/**
 * For a verifier holding the raw request path as it came off the wire: decodes
 * percent-escapes per segment, giving the decoded path CanonicalRequestInput wants,
 * so canonicalUri does not encode '%' a second time.
 */
export function decodeWirePath(rawPath: string): string {
  return rawPath.split('/').map(safeDecode).join('/');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A stray '%' is data, not an escape; the canonical form encodes it as %25.
    return text;
  }
}

/**
 * Decoded pairs from a raw query string ('?a=1&b=%20' or 'a=1'), ready for
 * canonicalQueryString. Percent-decoding only: '+' stays '+' (not form decoding),
 * since RFC 3986 clients send a space as %20.
 */
export function parseQueryPairs(search: string): Array<[string, string]> {
  const text = search.startsWith('?') ? search.slice(1) : search;
  return text
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq === -1 ? [safeDecode(part), ''] : [safeDecode(part.slice(0, eq)), safeDecode(part.slice(eq + 1))];
    });
}

/** Collapses runs of '/', encodes each segment, and maps '' to '/' (.NET SDK Tests/UtilTest.cs vectors). */
export function canonicalUri(path: string): string {
  const collapsed = path.replace(/\/{2,}/g, '/');
  if (collapsed === '') return '/';
  return percentEncode(collapsed, (char) => char === '/' || UNRESERVED.test(char));
}

/**
 * Decoded pairs in; encoded, ordinally sorted by key then value, '&'-joined out.
 * Ordinal (code-unit) order on the encoded text matches .NET/Java (their "ordinal sort" vector).
 */
export function canonicalQueryString(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs
    .map(([key, value]) => [encodeRfc3986(key), encodeRfc3986(value)] as const)
    .sort(([ka, va], [kb, vb]) => compareOrdinal(ka, kb) || compareOrdinal(va, vb))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Trims and collapses internal whitespace runs to one space, as .NET and Java do. */
export function canonicalHeaderValue(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

export interface CanonicalRequestInput {
  method: string;
  /** Decoded path; from the wire, pass it through decodeWirePath first. */
  path: string;
  query: ReadonlyArray<readonly [string, string]>;
  /** Lower-case names. */
  headers: Readonly<Record<string, string>>;
  signedHeaders: readonly string[];
  body: string | Uint8Array;
}

export class MissingSignedHeaderError extends Error {
  override readonly name = 'MissingSignedHeaderError';
}

/** Sorted, lower-case, de-duplicated signed header names. */
export function normalizeSignedHeaders(names: readonly string[]): string[] {
  return [...new Set(names.map((name) => name.toLowerCase()))].sort(compareOrdinal);
}

/**
 * https://developer.amazon.com/docs/amazon-pay-api-v2/signing-requests.html, step 1: the header block and its trailing '\n'
 * leave a blank line before SignedHeaders.
 */
export function buildCanonicalRequest(input: CanonicalRequestInput): string {
  const signed = normalizeSignedHeaders(input.signedHeaders);
  const headerLines = signed.map((name) => {
    const value = input.headers[name];
    if (value === undefined) throw new MissingSignedHeaderError(`Signed header ${name} is missing`);
    return `${name}:${canonicalHeaderValue(value)}\n`;
  });
  return [
    input.method.toUpperCase(),
    canonicalUri(input.path),
    canonicalQueryString(input.query),
    headerLines.join(''),
    signed.join(';'),
    sha256Hex(input.body),
  ].join('\n');
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** signing-requests.html, step 2: `Algorithm + "\n" + hex(SHA256(canonicalRequest))`. */
export function buildStringToSign(algorithm: SignatureAlgorithm, canonicalRequest: string): string {
  return `${algorithm}\n${sha256Hex(canonicalRequest)}`;
}

/**
 * The button signs the payload JSON itself, byte for byte; no headers, no date
 * (https://developer.amazon.com/docs/amazon-pay-checkout/add-the-amazon-pay-button.html, "Sign the payload").
 */
export function buildButtonStringToSign(algorithm: SignatureAlgorithm, payloadJSON: string): string {
  return `${algorithm}\n${sha256Hex(payloadJSON)}`;
}

/** Options for node:crypto's sign/verify with the algorithm's PSS parameters (SHA-256, MGF1-SHA-256). */
export function pssKeyOptions(key: KeyObject, algorithm: SignatureAlgorithm) {
  return { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: saltLengthFor(algorithm) };
}

/** Salt is taken from the algorithm name, so a V1 signature does not verify as V2. */
export function verifySignature(
  publicKey: KeyObject | string,
  algorithm: SignatureAlgorithm,
  stringToSign: string,
  signatureBase64: string,
): boolean {
  try {
    // createPublicKey also accepts a private key PEM and derives its public half.
    const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
    const signature = Buffer.from(signatureBase64, 'base64');
    return verify('sha256', Buffer.from(stringToSign), pssKeyOptions(key, algorithm), signature);
  } catch {
    // A malformed key or signature is a failed verification, not a crash in the verifier.
    return false;
  }
}

export interface AuthorizationHeader {
  algorithm: SignatureAlgorithm;
  publicKeyId: string;
  signedHeaders: string[];
  signature: string;
}

// The authorization header of signing-requests.html, step 4.
const AUTHORIZATION_PATTERN = /^(AMZN-PAY-RSASSA-PSS(?:-V2)?) PublicKeyId=([^,]+), SignedHeaders=([^,]+), Signature=(\S+)$/;

export function parseAuthorizationHeader(value: string): AuthorizationHeader | null {
  const match = AUTHORIZATION_PATTERN.exec(value.trim());
  if (!match) return null;
  const [, algorithm = '', publicKeyId = '', signedHeaders = '', signature = ''] = match;
  if (!isSignatureAlgorithm(algorithm)) return null;
  return { algorithm, publicKeyId, signedHeaders: signedHeaders.split(';'), signature };
}

/** signing-requests.html, step 4; identical in all four official SDKs. */
export function formatAuthorizationHeader(h: AuthorizationHeader): string {
  return `${h.algorithm} PublicKeyId=${h.publicKeyId}, SignedHeaders=${h.signedHeaders.join(';')}, Signature=${h.signature}`;
}

/** Basic ISO-8601 UTC as .NET/Java/PHP send it: 20201023T211909Z. */
export function formatAmazonTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

const BASIC_TIMESTAMP = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(?:\.(\d{1,3}))?Z$/;
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/;

/** Accepts the basic form and Node SDK's ISO form; anything else (or an impossible date) is null. */
export function parseAmazonTimestamp(value: string): Date | null {
  const match = BASIC_TIMESTAMP.exec(value) ?? ISO_TIMESTAMP.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = Number((match[7] ?? '0').padEnd(3, '0'));
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  const roundTrips =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return roundTrips ? date : null;
}
