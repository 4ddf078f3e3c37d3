import { validateReportListFilters, type ReportListFilterField } from '@/lib/reports/date-range';
import { filtersKey } from '@/lib/reports/pagination';

/**
 * The report list filters as they live in the URL (?type=…&status=…&createdSince=
 * &createdUntil=&pageSize=), shared by the page, the list route and the form.
 * No server imports: the client list builds its request URLs with it too.
 */
export type SearchParamsLike = Readonly<Record<string, string | string[] | undefined>> | URLSearchParams;

export interface ReportFilterValues {
  readonly types: readonly string[];
  readonly statuses: readonly string[];
  readonly createdSince: string;
  readonly createdUntil: string;
  readonly pageSize: string;
}

export interface ReportListQuery {
  reportTypes?: string[];
  processingStatuses?: string[];
  createdSince?: string;
  createdUntil?: string;
  pageSize: number;
}

export type ParsedReportFilters =
  | { ok: true; query: ReportListQuery; key: string }
  | { ok: false; message: string; fieldErrors: Partial<Record<ReportListFilterField | 'types' | 'statuses', string>> };

// Types and statuses stay open strings (Amazon adds values), but only in Amazon's spelling.
const TYPE_PATTERN = /^_[A-Z0-9_]{3,120}_$/;
const STATUS_PATTERN = /^[A-Z_]{3,40}$/;

function all(params: SearchParamsLike, name: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(name);
  const value = params[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

const first = (params: SearchParamsLike, name: string) => all(params, name)[0] ?? '';

export function filterValuesFrom(params: SearchParamsLike): ReportFilterValues {
  return {
    types: [...new Set(all(params, 'type').filter(Boolean))],
    statuses: [...new Set(all(params, 'status').filter(Boolean))],
    createdSince: first(params, 'createdSince'),
    createdUntil: first(params, 'createdUntil'),
    pageSize: first(params, 'pageSize'),
  };
}

export function filterSearchParams(values: ReportFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const type of values.types) params.append('type', type);
  for (const status of values.statuses) params.append('status', status);
  if (values.createdSince) params.set('createdSince', values.createdSince);
  if (values.createdUntil) params.set('createdUntil', values.createdUntil);
  if (values.pageSize) params.set('pageSize', values.pageSize);
  return params;
}

/** Validates before any call to Amazon: a range over 90 days or a bad page size never leaves the server. */
export function parseReportFilters(values: ReportFilterValues, now: Date = new Date()): ParsedReportFilters {
  if (values.types.some((type) => !TYPE_PATTERN.test(type)))
    return { ok: false, message: 'Check the highlighted filters.', fieldErrors: { types: 'Unknown report type.' } };
  if (values.statuses.some((status) => !STATUS_PATTERN.test(status)))
    return { ok: false, message: 'Check the highlighted filters.', fieldErrors: { statuses: 'Unknown status.' } };
  const dates = validateReportListFilters(
    { createdSince: values.createdSince, createdUntil: values.createdUntil, pageSize: values.pageSize },
    now,
  );
  if (!dates.ok) return dates;
  const query: ReportListQuery = {
    ...(values.types.length > 0 && { reportTypes: [...values.types] }),
    ...(values.statuses.length > 0 && { processingStatuses: [...values.statuses] }),
    ...dates.value,
  };
  return { ok: true, query, key: filtersKey({ ...query }) };
}
