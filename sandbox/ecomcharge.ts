import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { bodyText, json, type RawRequest } from './http';
import { transactionsBetween, type EcomTransaction } from './ecomcharge-data';

/**
 * eComCharge shop reports (https://doc.ecomcharge.com/en/payment_management/reports/reports_shop/,
 * https://doc.ecomcharge.com/en/payment_management/reports/paginated_report/) under /ecomcharge/api/…
 * Decisions on points eComCharge does not document (docs/ecomcharge-decisions.md):
 * page size 1000 for X-Api-Version 3 (the doc's
 * own threshold), errors as `{message, errors: {field: [..]}}`, 401 for bad Basic auth,
 * 422 for invalid parameters or a wrong X-Api-Version, periods of at most 92 days.
 */
export const ECOMCHARGE_PAGE_SIZE = 1000;
const MAX_PERIOD_MS = 92 * 86_400_000;

export interface EcomchargeConfig {
  shopId: string;
  secretKey: string;
  seed: number;
  pageSize?: number;
}

const dateType = z.enum(['created_at', 'paid_at', 'settled_at']);
const status = z.enum(['all', 'successful', 'failed', 'pending', 'incomplete']);
const paymentMethod = z.enum(['credit_card', 'alternative']);
const common = { date_type: dateType, status, payment_method_type: paymentMethod, time_zone: z.string().min(1) };

const dayReportSchema = z.object({ report_params: z.object({ ...common, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }) });
const periodSchema = z.object({
  report_params: z.object({
    ...common,
    from: z.string().min(1),
    to: z.string().min(1),
    starting_after: z.union([z.number(), z.string()]).optional(),
    ending_before: z.union([z.number(), z.string()]).optional(),
    manual_correction_from: z.string().optional(),
    manual_correction_to: z.string().optional(),
  }),
});

class EcomError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

function authorized(request: RawRequest, config: EcomchargeConfig): boolean {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Basic\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return false;
  const given = Buffer.from(Buffer.from(match[1], 'base64').toString('utf8'));
  const expected = Buffer.from(`${config.shopId}:${config.secretKey}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function parse<T>(schema: z.ZodType<T>, request: RawRequest): T {
  let value: unknown;
  try {
    value = JSON.parse(bodyText(request) || '{}');
  } catch {
    throw new EcomError(422, 'Request body is not valid JSON');
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.filter((p) => p !== 'report_params').join('.') || 'report_params';
    (errors[key] ??= []).push(issue.message);
  }
  throw new EcomError(422, 'Validation failed', errors);
}

/** Offset of `timeZone` from UTC at `ms`, in ms; throws 422 for an unknown zone. */
function zoneOffsetMs(timeZone: string, ms: number): number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch {
    throw new EcomError(422, 'Validation failed', { time_zone: ['is not a valid time zone'] });
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts['year']),
    Number(parts['month']) - 1,
    Number(parts['day']),
    Number(parts['hour']),
    Number(parts['minute']),
    Number(parts['second']),
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** Local wall time in `timeZone` → UTC instant (two passes settle DST edges). */
function zonedToUtc(local: string, timeZone: string, field: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(local);
  if (!match) throw new EcomError(422, 'Validation failed', { [field]: ['must look like YYYY-MM-DD hh:mm:ss'] });
  const [y, mo, d, h = '0', mi = '0', s = '0'] = match.slice(1);
  const naive = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(naive)) throw new EcomError(422, 'Validation failed', { [field]: ['is not a valid date'] });
  const first = naive - zoneOffsetMs(timeZone, naive);
  return naive - zoneOffsetMs(timeZone, first);
}

function filterStatus(transactions: EcomTransaction[], wanted: string): EcomTransaction[] {
  return wanted === 'all' ? transactions : transactions.filter((tx) => tx.status === wanted);
}

function periodOf(params: z.infer<typeof periodSchema>['report_params']): { fromMs: number; toMs: number } {
  const fromMs = zonedToUtc(params.from, params.time_zone, 'from');
  // `to` is inclusive to the second ("2022-01-27 23:59:59"); a bare date (settled_at) covers its whole day.
  const toMs = /^\d{4}-\d{2}-\d{2}$/.test(params.to)
    ? zonedToUtc(params.to, params.time_zone, 'to') + 86_400_000
    : zonedToUtc(params.to, params.time_zone, 'to') + 1000;
  if (toMs <= fromMs) throw new EcomError(422, 'Validation failed', { to: ['must be after from'] });
  if (toMs - fromMs > MAX_PERIOD_MS) throw new EcomError(422, 'Validation failed', { to: ['period must not exceed 92 days'] });
  return { fromMs, toMs };
}

function cursor(value: string | number | undefined, field: string): number | null {
  if (value === undefined || value === '') return null;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new EcomError(422, 'Validation failed', { [field]: ['must be a transaction id'] });
  return n;
}

export function handleEcomcharge(request: RawRequest, resource: string, config: EcomchargeConfig): Response {
  try {
    if (!authorized(request, config))
      return json(401, { message: 'Unauthorized' }, { 'www-authenticate': 'Basic realm="eComCharge"' });
    if (request.method !== 'POST') throw new EcomError(404, 'Not found');
    const version = request.headers.get('x-api-version')?.trim();
    if (resource === 'reports' && version === '2') {
      const { report_params: p } = parse(dayReportSchema, request);
      const fromMs = zonedToUtc(p.date, p.time_zone, 'date');
      const transactions = filterStatus(transactionsBetween(config.seed, p.date_type, fromMs, fromMs + 86_400_000), p.status);
      return json(200, { transactions, count: transactions.length });
    }
    if (resource === 'reports' && version === '3') {
      const { report_params: p } = parse(periodSchema, request);
      const { fromMs, toMs } = periodOf(p);
      const all = filterStatus(transactionsBetween(config.seed, p.date_type, fromMs, toMs), p.status);
      const pageSize = config.pageSize ?? ECOMCHARGE_PAGE_SIZE;
      const after = cursor(p.starting_after, 'starting_after');
      const before = cursor(p.ending_before, 'ending_before');
      if (after !== null && before !== null)
        throw new EcomError(422, 'Validation failed', { starting_after: ['cannot be combined with ending_before'] });
      const page =
        before !== null
          ? all.filter((tx) => tx.id < before).slice(-pageSize)
          : all.filter((tx) => after === null || tx.id > after).slice(0, pageSize);
      return json(200, { transactions: page, first_object_id: page[0]?.id ?? null, last_object_id: page.at(-1)?.id ?? null });
    }
    if (resource === 'reports/count' && version === '3') {
      const { report_params: p } = parse(periodSchema, request);
      const { fromMs, toMs } = periodOf(p);
      return json(200, {
        transactions: { count: filterStatus(transactionsBetween(config.seed, p.date_type, fromMs, toMs), p.status).length },
      });
    }
    if (resource === 'reports' || resource === 'reports/count') {
      throw new EcomError(422, 'Unsupported X-Api-Version', {
        'X-Api-Version': [resource === 'reports' ? 'must be 2 or 3' : 'must be 3'],
      });
    }
    throw new EcomError(404, 'Not found');
  } catch (error) {
    if (error instanceof EcomError) return json(error.status, { message: error.message, errors: error.errors });
    throw error;
  }
}
