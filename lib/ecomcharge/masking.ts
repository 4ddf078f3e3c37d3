/**
 * Card data leaves this client as brand + last four only: full card data is never
 * stored. BIN, first digit, token, holder and expiry are dropped
 * at the boundary, and free text is scrubbed of anything that looks like a PAN.
 */
export interface MaskedCard {
  readonly brand: string | null;
  readonly last4: string | null;
}

// 13–19 digits, optionally grouped by spaces or dashes: every PAN length in use.
const PAN_LIKE = /\b\d(?:[ -]?\d){12,18}\b/g;

/** "4200 0000 0000 0000" → "•••• 0000"; shorter numbers (order ids, amounts) stay. */
export function scrubPan(text: string): string {
  return text.replace(PAN_LIKE, (match) => `•••• ${match.replace(/\D/g, '').slice(-4)}`);
}

export function maskCard(
  raw: { brand?: string | null | undefined; last_4?: string | number | null | undefined } | null | undefined,
): MaskedCard | null {
  if (!raw) return null;
  const last4 = raw.last_4 === null || raw.last_4 === undefined ? null : String(raw.last_4).trim();
  const brand = typeof raw.brand === 'string' && raw.brand.trim() !== '' ? scrubPan(raw.brand.trim()).slice(0, 32) : null;
  return { brand, last4: last4 !== null && /^\d{4}$/.test(last4) ? last4 : null };
}

export function scrubNullable(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : scrubPan(text);
}
