import { invalidArgument } from './errors';

/**
 * Request parameters of the shop reports API (https://doc.ecomcharge.com/en/payment_management/reports/reports_shop/,
 * https://doc.ecomcharge.com/en/payment_management/reports/paginated_report/).
 */
export type EcomchargeDateType = 'created_at' | 'paid_at' | 'settled_at';
export type EcomchargeStatusFilter = 'all' | 'successful' | 'failed' | 'pending' | 'incomplete';
export type EcomchargePaymentMethodType = 'credit_card' | 'alternative' | (string & {});

export interface EcomchargeReportFilter {
  /** Default `created_at`. */
  dateType?: EcomchargeDateType;
  /** Default `all`. */
  status?: EcomchargeStatusFilter;
  /** Default `credit_card`, the only value eComCharge lists (beGateway adds `alternative`). */
  paymentMethodType?: EcomchargePaymentMethodType;
  /** IANA name; default `Etc/UTC` as in eComCharge's example request. */
  timeZone?: string;
}

export interface EcomchargeDayReportParams extends EcomchargeReportFilter {
  /** `YYYY-MM-DD`, a day in `timeZone`. */
  date: string;
}

export interface EcomchargePeriodParams extends EcomchargeReportFilter {
  /**
   * `YYYY-MM-DD hh:mm:ss`; a bare `YYYY-MM-DD` for `settled_at`
   * (https://doc.ecomcharge.com/en/payment_management/reports/paginated_report/).
   */
  from: string;
  to: string;
  manualCorrectionFrom?: string;
  manualCorrectionTo?: string;
}

export interface EcomchargeListParams extends EcomchargePeriodParams {
  /** The previous page's `lastObjectId`: the page after it. */
  startingAfter?: number | string;
  /** The previous page's `firstObjectId`: the page before it. */
  endingBefore?: number | string;
}

export interface EcomchargeCallOptions {
  signal?: AbortSignal;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function filterParams(filter: EcomchargeReportFilter) {
  return {
    date_type: filter.dateType ?? 'created_at',
    status: filter.status ?? 'all',
    payment_method_type: filter.paymentMethodType ?? 'credit_card',
    time_zone: filter.timeZone ?? 'Etc/UTC',
  };
}

/** Checked here so a typo fails fast with a clear message instead of a round trip and a 422. */
function checkPeriodValue(operation: string, field: string, value: string, dateType: EcomchargeDateType): void {
  const ok = DATE_TIME.test(value) || (dateType === 'settled_at' && DATE.test(value));
  if (!ok)
    throw invalidArgument(
      operation,
      `${field} must look like YYYY-MM-DD hh:mm:ss${dateType === 'settled_at' ? ' (or YYYY-MM-DD for settled_at)' : ''}; got "${value}"`,
    );
}

export function dayReportBody(operation: string, params: EcomchargeDayReportParams) {
  if (!DATE.test(params.date)) throw invalidArgument(operation, `date must look like YYYY-MM-DD; got "${params.date}"`);
  return { report_params: { ...filterParams(params), date: params.date } };
}

export function periodBody(operation: string, params: EcomchargePeriodParams) {
  const dateType = params.dateType ?? 'created_at';
  checkPeriodValue(operation, 'from', params.from, dateType);
  checkPeriodValue(operation, 'to', params.to, dateType);
  return {
    report_params: {
      ...filterParams(params),
      from: params.from,
      to: params.to,
      ...(params.manualCorrectionFrom !== undefined && { manual_correction_from: params.manualCorrectionFrom }),
      ...(params.manualCorrectionTo !== undefined && { manual_correction_to: params.manualCorrectionTo }),
    },
  };
}

export function listBody(operation: string, params: EcomchargeListParams) {
  if (params.startingAfter !== undefined && params.endingBefore !== undefined) {
    throw invalidArgument(operation, 'startingAfter and endingBefore cannot be combined: pick one direction');
  }
  const body = periodBody(operation, params);
  return {
    report_params: {
      ...body.report_params,
      ...(params.startingAfter !== undefined && { starting_after: params.startingAfter }),
      ...(params.endingBefore !== undefined && { ending_before: params.endingBefore }),
    },
  };
}
