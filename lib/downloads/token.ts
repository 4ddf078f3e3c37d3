import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * A download link's token: `<order id>.<line id>.<expiry, Unix seconds>.<HMAC-SHA256>`. It
 * names what may be fetched and until when; who may fetch it and how often is checked
 * against the database on every use (./delivery.ts).
 */
export interface DownloadClaim {
  orderId: string;
  lineId: string;
  expiresAt: Date;
}

export type DownloadTokenCheck = { ok: true; claim: DownloadClaim } | { ok: false; reason: 'invalid' | 'expired' };

const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The token as it arrives in a URL path segment: its shape only, before the signature is checked. */
export const downloadTokenSchema = z
  .string()
  .max(200)
  .transform((token) => token.split('.'))
  .pipe(z.tuple([z.uuid(), z.uuid(), z.string().regex(/^\d{1,12}$/), z.string().regex(SIGNATURE_PATTERN)]));

/** A key of its own for download links, derived from the server secret, so it signs nothing else. */
export function downloadSigningKeyFrom(serverSecret: string): string {
  return createHmac('sha256', serverSecret).update('storefront download links').digest('base64url');
}

function signature(key: string, orderId: string, lineId: string, expiresSeconds: string): string {
  // The purpose is part of the signed text, so no other HMAC made with the same key passes for a link.
  return createHmac('sha256', key).update(`download-link:${orderId}.${lineId}.${expiresSeconds}`).digest('base64url');
}

export function signDownloadToken(claim: DownloadClaim, key: string): string {
  const expiresSeconds = String(Math.floor(claim.expiresAt.getTime() / 1000));
  return `${claim.orderId}.${claim.lineId}.${expiresSeconds}.${signature(key, claim.orderId, claim.lineId, expiresSeconds)}`;
}

/** Checks the signature first, so a tampered token is invalid whatever its expiry says. */
export function verifyDownloadToken(token: string, key: string, now: Date): DownloadTokenCheck {
  const parsed = downloadTokenSchema.safeParse(token);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const [orderId, lineId, expiresSeconds, given] = parsed.data;
  const expected = Buffer.from(signature(key, orderId, lineId, expiresSeconds));
  if (!timingSafeEqual(expected, Buffer.from(given))) return { ok: false, reason: 'invalid' };
  const expiresAt = new Date(Number(expiresSeconds) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claim: { orderId, lineId, expiresAt } };
}
