/**
 * Amazon Pay object ids (as the official SDKs' tests show them): a charge permission `S01-5105180-3221187`,
 * its charges `…-C056351` and refunds `…-R022311`; settlement files of v1-era
 * accounts show `P01-2400747-7777779-C084595` (https://developer.amazon.com/docs/amazon-pay-reports/settlement-reports.html).
 * The first three
 * groups name the charge permission, which ties a row to an order even when the
 * transaction id itself is not in our books.
 */
export type AmazonIdKind = 'charge-permission' | 'charge' | 'refund' | 'authorization' | 'other';

export interface AmazonIdParts {
  readonly id: string;
  readonly chargePermissionId: string | null;
  readonly kind: AmazonIdKind;
}

const ID = /^([A-Z]\d{2}-\d{7}-\d{7})(?:-([A-Z])\d+)?$/;

/** Trimmed and upper-cased: ids are compared as Amazon prints them, whatever a spreadsheet did to the case. */
export function normalizeAmazonId(id: string): string {
  return id.trim().toUpperCase();
}

export function parseAmazonId(id: string): AmazonIdParts {
  const normalized = normalizeAmazonId(id);
  const match = ID.exec(normalized);
  if (!match) return { id: normalized, chargePermissionId: null, kind: 'other' };
  const suffix = match[2];
  const kind: AmazonIdKind =
    suffix === undefined
      ? 'charge-permission'
      : suffix === 'C'
        ? 'charge'
        : suffix === 'R'
          ? 'refund'
          : suffix === 'A'
            ? 'authorization'
            : 'other';
  return { id: normalized, chargePermissionId: match[1] ?? null, kind };
}
