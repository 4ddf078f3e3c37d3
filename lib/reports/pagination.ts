import { z } from 'zod';

/**
 * An opaque cursor for the report list UI over Amazon's nextToken
 * (https://developer.amazon.com/docs/amazon-pay-api-v2/reports.html). Amazon wants nextToken as the only parameter, so the
 * cursor also remembers which filters produced it: a cursor reused with other
 * filters is refused instead of silently showing the old filters' next page.
 * Base64url of a small JSON object; no Node imports, so it runs in the browser.
 */
const CURSOR_VERSION = 1;
/** Amazon's tokens are a few hundred characters; anything much longer is not ours. */
const MAX_CURSOR_LENGTH = 4096;

const cursorSchema = z.object({
  v: z.literal(CURSOR_VERSION),
  t: z.string().min(1).max(3000),
  f: z.string().max(500).optional(),
});

export type CursorDecodeResult = { ok: true; nextToken: string } | { ok: false; message: string };

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** A stable key for a filter set, so a cursor can be tied to it (order of keys does not matter). */
export function filtersKey(filters: Readonly<Record<string, string | number | readonly string[] | undefined>>): string {
  return Object.keys(filters)
    .filter((key) => filters[key] !== undefined)
    .sort()
    .map((key) => {
      const value = filters[key];
      return `${key}=${Array.isArray(value) ? [...value].sort().join('|') : String(value)}`;
    })
    .join('&');
}

export function encodeReportCursor(nextToken: string, key?: string): string {
  return toBase64Url(
    JSON.stringify(key === undefined ? { v: CURSOR_VERSION, t: nextToken } : { v: CURSOR_VERSION, t: nextToken, f: key }),
  );
}

export function decodeReportCursor(cursor: string, expectedKey?: string): CursorDecodeResult {
  const invalid = { ok: false, message: 'This page link is no longer valid; start again from the first page.' } as const;
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) return invalid;
  const json = fromBase64Url(cursor);
  if (json === null) return invalid;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return invalid;
  }
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success) return invalid;
  if (expectedKey !== undefined && parsed.data.f !== expectedKey) {
    return { ok: false, message: 'The filters changed since this page was opened; start again from the first page.' };
  }
  return { ok: true, nextToken: parsed.data.t };
}
