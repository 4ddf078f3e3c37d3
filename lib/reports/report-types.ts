/**
 * Amazon Pay report types, statuses and schedule frequencies (https://developer.amazon.com/docs/amazon-pay-api-v2/reports.html;
 * .NET SDK Types/ReportTypes.cs, ScheduleFrequency.cs). Types and statuses stay
 * open strings, because Amazon adds values.
 */
export type Open<T extends string> = T | (string & {});

const PREFIX = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS';

export const SETTLEMENT_REPORT_TYPE = `${PREFIX}_SETTLEMENT_DATA_` as const;
export const SANDBOX_SETTLEMENT_REPORT_TYPE = `${PREFIX}_SANDBOX_SETTLEMENT_DATA_` as const;

export type ReportCategory = 'settlement' | 'transaction' | 'multi-currency';

export interface ReportTypeInfo {
  readonly type: string;
  readonly label: string;
  readonly category: ReportCategory;
  /**
   * createReport accepts it. Settlement files are generated per settlement only
   * (https://developer.amazon.com/docs/amazon-pay-reports/manually-requesting-reports.html).
   */
  readonly creatable: boolean;
  /** createReportSchedule accepts it. */
  readonly schedulable: boolean;
}

export const REPORT_TYPES = [
  { type: SETTLEMENT_REPORT_TYPE, label: 'Settlement', category: 'settlement', creatable: false, schedulable: false },
  // The only type Amazon's sandbox offers (https://developer.amazon.com/docs/amazon-pay-api-v2/reports.html); like
  // the live one it is generated, not requested.
  // Our emulator (sandbox/reports.ts) does accept createReport for it, a convenience of the emulator.
  {
    type: SANDBOX_SETTLEMENT_REPORT_TYPE,
    label: 'Settlement (sandbox)',
    category: 'settlement',
    creatable: false,
    schedulable: false,
  },
  {
    type: `${PREFIX}_ORDER_REFERENCE_DATA_`,
    label: 'Order references (one-time charge permissions)',
    category: 'transaction',
    creatable: true,
    schedulable: true,
  },
  {
    type: `${PREFIX}_BILLING_AGREEMENT_DATA_`,
    label: 'Billing agreements (recurring charge permissions)',
    category: 'transaction',
    creatable: true,
    schedulable: true,
  },
  { type: `${PREFIX}_AUTHORIZATION_DATA_`, label: 'Authorizations', category: 'transaction', creatable: true, schedulable: true },
  { type: `${PREFIX}_CAPTURE_DATA_`, label: 'Captures', category: 'transaction', creatable: true, schedulable: true },
  { type: `${PREFIX}_REFUND_DATA_`, label: 'Refunds', category: 'transaction', creatable: true, schedulable: true },
  // Create only (https://developer.amazon.com/docs/amazon-pay-reports/manually-requesting-reports.html).
  {
    type: '_GET_CSV_CUSTOM_OFFAMAZONPAYMENTS_MULTI_CURRENCY_PAYMENTS_DATA_',
    label: 'Multi-currency payments',
    category: 'multi-currency',
    creatable: true,
    schedulable: false,
  },
] as const satisfies readonly ReportTypeInfo[];

export type KnownReportType = (typeof REPORT_TYPES)[number]['type'];
export type ReportType = Open<KnownReportType>;

const BY_TYPE: ReadonlyMap<string, ReportTypeInfo> = new Map(REPORT_TYPES.map((info) => [info.type, info]));

export function reportTypeInfo(type: string): ReportTypeInfo | undefined {
  return BY_TYPE.get(type);
}

export function isKnownReportType(type: string): type is KnownReportType {
  return BY_TYPE.has(type);
}

/** The label, or the raw type for one Amazon added after this list. */
export function reportTypeLabel(type: string): string {
  return BY_TYPE.get(type)?.label ?? type;
}

export function isSettlementReportType(type: string): boolean {
  return BY_TYPE.get(type)?.category === 'settlement' || /_SETTLEMENT_DATA_$/.test(type);
}

export function canCreateReport(type: string): boolean {
  return BY_TYPE.get(type)?.creatable ?? false;
}

export function canScheduleReport(type: string): boolean {
  return BY_TYPE.get(type)?.schedulable ?? false;
}

export const CREATABLE_REPORT_TYPES: readonly ReportTypeInfo[] = REPORT_TYPES.filter((info) => info.creatable);
export const SCHEDULABLE_REPORT_TYPES: readonly ReportTypeInfo[] = REPORT_TYPES.filter((info) => info.schedulable);

/** https://developer.amazon.com/docs/amazon-pay-api-v2/reports.html (Enum: ProcessingStatus). */
export const REPORT_STATUSES = [
  { status: 'IN_PROGRESS', label: 'In progress', terminal: false },
  { status: 'COMPLETED', label: 'Completed', terminal: true },
  { status: 'FAILED', label: 'Failed', terminal: true },
  // Cancelled before processing, or automatically when there was no data.
  { status: 'CANCELLED', label: 'Cancelled (or no data)', terminal: true },
] as const;

export type KnownReportStatus = (typeof REPORT_STATUSES)[number]['status'];
export type ReportStatus = Open<KnownReportStatus>;

export function reportStatusLabel(status: string): string {
  return REPORT_STATUSES.find((entry) => entry.status === status)?.label ?? status;
}

/** Unknown statuses count as not finished, so a poller keeps asking rather than showing a wrong result. */
export function isTerminalReportStatus(status: string): boolean {
  return REPORT_STATUSES.find((entry) => entry.status === status)?.terminal ?? false;
}

/**
 * .NET SDK ScheduleFrequency.cs, in order. `P1M` is an SP-API frequency Amazon Pay does not list, so it is left out
 * (docs/amazon-pay-decisions.md).
 */
export const SCHEDULE_FREQUENCIES = [
  { frequency: 'PT5M', label: 'Every 5 minutes', minutes: 5 },
  { frequency: 'PT15M', label: 'Every 15 minutes', minutes: 15 },
  { frequency: 'PT30M', label: 'Every 30 minutes', minutes: 30 },
  { frequency: 'PT1H', label: 'Every hour', minutes: 60 },
  { frequency: 'PT2H', label: 'Every 2 hours', minutes: 120 },
  { frequency: 'PT4H', label: 'Every 4 hours', minutes: 240 },
  { frequency: 'PT8H', label: 'Every 8 hours', minutes: 480 },
  { frequency: 'PT12H', label: 'Every 12 hours', minutes: 720 },
  { frequency: 'PT24H', label: 'Every 24 hours', minutes: 1440 },
  { frequency: 'PT84H', label: 'Every 84 hours (3½ days)', minutes: 5040 },
  { frequency: 'P1D', label: 'Daily', minutes: 1440 },
  { frequency: 'P2D', label: 'Every 2 days', minutes: 2880 },
  { frequency: 'P3D', label: 'Every 3 days', minutes: 4320 },
  { frequency: 'P7D', label: 'Weekly', minutes: 10_080 },
  { frequency: 'P14D', label: 'Every 14 days', minutes: 20_160 },
  { frequency: 'P15D', label: 'Every 15 days', minutes: 21_600 },
  { frequency: 'P18D', label: 'Every 18 days', minutes: 25_920 },
  { frequency: 'P30D', label: 'Every 30 days', minutes: 43_200 },
] as const;

export type ScheduleFrequency = (typeof SCHEDULE_FREQUENCIES)[number]['frequency'];

export function isScheduleFrequency(value: string): value is ScheduleFrequency {
  return SCHEDULE_FREQUENCIES.some((entry) => entry.frequency === value);
}

export function scheduleFrequencyLabel(value: string): string {
  return SCHEDULE_FREQUENCIES.find((entry) => entry.frequency === value)?.label ?? value;
}
