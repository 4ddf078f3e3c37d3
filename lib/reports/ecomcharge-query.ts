import { z } from 'zod';
import type { SearchParamsLike } from './report-filters';

/**
 * The eComCharge page's URL: one day (v2) or a period (v3, count then pages,
 * next/previous through starting_after/ending_before; https://doc.ecomcharge.com/en/payment_management/reports/paginated_report/).
 * Shared by the page, its form and the CSV export route.
 */
export const ECOM_STATUSES = ['all', 'successful', 'failed', 'pending', 'incomplete'] as const;
export const ECOM_DATE_TYPES = ['created_at', 'paid_at', 'settled_at'] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// <input type="datetime-local"> gives 2026-01-15T10:30 (seconds optional); eComCharge wants 2026-01-15 10:30:00.
const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?$/;
const cursor = z
  .string()
  .regex(/^\d{1,20}$/, 'Invalid page cursor.')
  .optional();

const filterSchema = z.object({
  status: z.enum(ECOM_STATUSES).default('all'),
  dateType: z.enum(ECOM_DATE_TYPES).default('created_at'),
  timeZone: z
    .string()
    .regex(/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){0,2}$/, 'Enter an IANA time zone such as Europe/London.')
    .default('Etc/UTC'),
});

const querySchema = z.discriminatedUnion('mode', [
  filterSchema.extend({ mode: z.literal('day'), date: z.string().regex(DATE, 'Pick a day.') }),
  filterSchema.extend({
    mode: z.literal('period'),
    from: z.string().regex(LOCAL, 'Enter the start of the period.'),
    to: z.string().regex(LOCAL, 'Enter the end of the period.'),
    after: cursor,
    before: cursor,
  }),
]);

export type EcomQuery = z.infer<typeof querySchema>;
export type EcomQueryResult =
  { ok: true; query: EcomQuery } | { ok: false; message: string; fieldErrors: Record<string, string> } | { ok: 'empty' };

const value = (params: SearchParamsLike, name: string): string | undefined => {
  const raw = params instanceof URLSearchParams ? params.get(name) : params[name];
  const text = Array.isArray(raw) ? raw[0] : raw;
  return text === null || text === undefined || text === '' ? undefined : text;
};

export function parseEcomQuery(params: SearchParamsLike): EcomQueryResult {
  const mode = value(params, 'mode');
  if (mode === undefined) return { ok: 'empty' };
  const input = Object.fromEntries(
    ['mode', 'date', 'from', 'to', 'status', 'dateType', 'timeZone', 'after', 'before'].map((name) => [
      name,
      value(params, name),
    ]),
  );
  const parsed = querySchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? 'mode')] ??= issue.message;
    return { ok: false, message: 'Check the highlighted fields.', fieldErrors };
  }
  const query = parsed.data;
  if (query.mode === 'period') {
    if (query.after && query.before)
      return { ok: false, message: 'Pick one direction.', fieldErrors: { after: 'Use either next or previous.' } };
    if (toApiTime(query.from) > toApiTime(query.to))
      return {
        ok: false,
        message: 'Check the highlighted fields.',
        fieldErrors: { to: 'The end must not be before the start.' },
      };
  }
  return { ok: true, query };
}

/** 2026-01-15T10:30 → 2026-01-15 10:30:00 (settled_at takes the bare date). */
export function toApiTime(local: string, dateType: string = 'created_at'): string {
  const match = LOCAL.exec(local);
  if (!match) return local;
  return dateType === 'settled_at' ? (match[1] ?? '') : `${match[1]} ${match[2]}:${match[3] ?? '00'}`;
}

export function ecomSearchParams(query: EcomQuery, page: { after?: string; before?: string } = {}): URLSearchParams {
  const params = new URLSearchParams({
    mode: query.mode,
    status: query.status,
    dateType: query.dateType,
    timeZone: query.timeZone,
  });
  if (query.mode === 'day') params.set('date', query.date);
  else {
    params.set('from', query.from);
    params.set('to', query.to);
    if (page.after) params.set('after', page.after);
    if (page.before) params.set('before', page.before);
  }
  return params;
}

export function periodParams(query: Extract<EcomQuery, { mode: 'period' }>) {
  return {
    from: toApiTime(query.from, query.dateType),
    to: toApiTime(query.to, query.dateType),
    status: query.status,
    dateType: query.dateType,
    timeZone: query.timeZone,
  };
}
