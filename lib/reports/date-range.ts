import { z } from 'zod';

/**
 * The getReports list filters (https://developer.amazon.com/docs/amazon-pay-reports/downloading-reports.html):
 * createdSince/createdUntil are optional, reports are kept for 90 days, and
 * pageSize is 1–100 (default 10). Amazon wants `yyyyMMddTHHmmssZ`.
 * Inputs without an offset (an <input type="datetime-local"> value) are read as
 * UTC, and a bare date as that UTC day: `createdUntil: 2026-01-15` covers the
 * whole day. This module has no Node imports, so a form can validate with it too.
 */
export const MAX_RANGE_DAYS = 90;
export const PAGE_SIZE_MIN = 1;
export const PAGE_SIZE_MAX = 100;
export const DEFAULT_PAGE_SIZE = 10;

const DAY_MS = 86_400_000;

export interface ReportListFilterInput {
  createdSince?: string | Date | null | undefined;
  createdUntil?: string | Date | null | undefined;
  pageSize?: string | number | null | undefined;
}

export interface ReportListFilters {
  /** Amazon's basic form, e.g. 20260115T120000Z; absent means Amazon's default (90 days ago / now). */
  createdSince?: string;
  createdUntil?: string;
  pageSize: number;
}

export type ReportListFilterField = 'createdSince' | 'createdUntil' | 'pageSize';

export type ReportListFilterResult =
  | { ok: true; value: ReportListFilters }
  | { ok: false; message: string; fieldErrors: Partial<Record<ReportListFilterField, string>> };

/** Basic ISO-8601 UTC as Amazon sends and accepts it. */
export function toAmazonTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

const BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

function utc(parts: readonly (string | undefined)[]): Date | null {
  const [y, mo, d, h = '0', mi = '0', s = '0'] = parts.map((p) => (p === undefined ? undefined : Number(p)));
  if (y === undefined || mo === undefined || d === undefined) return null;
  const date = new Date(Date.UTC(y, mo - 1, d, Number(h), Number(mi), Number(s)));
  // Date.UTC rolls 31 February into March; refuse instead.
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

/** Reads the forms we accept; `endOfDay` turns a bare date into its last second. Null when unreadable. */
export function parseFilterDate(value: string, endOfDay = false): Date | null {
  const text = value.trim();
  let match = BASIC.exec(text) ?? LOCAL.exec(text);
  if (match) return utc(match.slice(1));
  match = DATE_ONLY.exec(text);
  if (match) {
    const day = utc(match.slice(1));
    return day && endOfDay ? new Date(day.getTime() + DAY_MS - 1000) : day;
  }
  if (WITH_OFFSET.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : new Date(ms);
  }
  return null;
}

const dateField = (endOfDay: boolean) =>
  z.union([z.string(), z.date(), z.null(), z.undefined()]).transform((value, ctx): Date | undefined => {
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
    const date = value instanceof Date ? (Number.isNaN(value.getTime()) ? null : value) : parseFilterDate(value, endOfDay);
    if (!date) {
      ctx.addIssue({ code: 'custom', message: 'Enter a date like 2026-01-15 or 2026-01-15T12:00.' });
      return z.NEVER;
    }
    return date;
  });

const pageSizeField = z.union([z.string(), z.number(), z.null(), z.undefined()]).transform((value, ctx): number => {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return DEFAULT_PAGE_SIZE;
  const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < PAGE_SIZE_MIN || n > PAGE_SIZE_MAX) {
    ctx.addIssue({ code: 'custom', message: `Page size must be a whole number from ${PAGE_SIZE_MIN} to ${PAGE_SIZE_MAX}.` });
    return z.NEVER;
  }
  return n;
});

export const reportListFilterSchema = z.object({
  createdSince: dateField(false),
  createdUntil: dateField(true),
  pageSize: pageSizeField,
});

/**
 * Validates the filters; `now` bounds an open-ended range the way Amazon does
 * (createdUntil defaults to now, createdSince to 90 days before createdUntil).
 */
export function validateReportListFilters(input: ReportListFilterInput, now: Date = new Date()): ReportListFilterResult {
  const parsed = reportListFilterSchema.safeParse({
    createdSince: input.createdSince,
    createdUntil: input.createdUntil,
    pageSize: input.pageSize,
  });
  const fieldErrors: Partial<Record<ReportListFilterField, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === 'createdSince' || field === 'createdUntil' || field === 'pageSize') && !fieldErrors[field])
        fieldErrors[field] = issue.message;
    }
    return { ok: false, message: 'Check the highlighted filters.', fieldErrors };
  }
  const { createdSince, createdUntil, pageSize } = parsed.data;
  if (createdSince && createdUntil && createdSince.getTime() > createdUntil.getTime()) {
    fieldErrors.createdUntil = '"Created until" must not be before "created since".';
  } else if (createdSince) {
    const end = createdUntil ?? now;
    if (end.getTime() - createdSince.getTime() > MAX_RANGE_DAYS * DAY_MS) {
      fieldErrors.createdSince = `The range can span at most ${MAX_RANGE_DAYS} days: Amazon keeps reports for ${MAX_RANGE_DAYS} days.`;
    }
  }
  if (createdSince && createdSince.getTime() > now.getTime()) fieldErrors.createdSince = '"Created since" is in the future.';
  if (Object.keys(fieldErrors).length > 0) return { ok: false, message: 'Check the highlighted filters.', fieldErrors };
  return {
    ok: true,
    value: {
      ...(createdSince && { createdSince: toAmazonTimestamp(createdSince) }),
      ...(createdUntil && { createdUntil: toAmazonTimestamp(createdUntil) }),
      pageSize,
    },
  };
}
