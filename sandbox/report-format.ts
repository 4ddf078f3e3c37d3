import { toDecimalString } from '@/lib/money';
import type { Store } from './state/store';
import type { LedgerEntry } from './state/types';

/**
 * Flat-file documents built from the emulator's own ledger. Amazon's delimiter
 * and full column order are not documented (docs/amazon-pay-decisions.md), so every file starts
 * with a format-version line; columns are documented in sandbox/README.md.
 * Tab-separated, one header row, '\n' line ends.
 */
export const REPORT_FORMAT_VERSION = 'sandbox-1';

export const SETTLEMENT_TYPES = [
  '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_',
  '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SETTLEMENT_DATA_',
] as const;
export const TRANSACTION_TYPES = [
  '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_ORDER_REFERENCE_DATA_',
  '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_BILLING_AGREEMENT_DATA_',
  '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_AUTHORIZATION_DATA_',
  '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_CAPTURE_DATA_',
  '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_REFUND_DATA_',
] as const;

export const SETTLEMENT_COLUMNS = [
  'TransactionPostedDate',
  'SettlementId',
  'AmazonTransactionId',
  'SellerReferenceId',
  'TransactionType',
  'SellerOrderId',
  'TransactionAmount',
  'TransactionPercentageFee',
  'TransactionFixedFee',
  'TotalTransactionFee',
  'NetTransactionAmount',
  'CurrencyCode',
  'TransactionDescription',
] as const;

export const TRANSACTION_COLUMNS = [
  'TransactionPostedDate',
  'AmazonTransactionId',
  'ChargePermissionId',
  'SellerReferenceId',
  'TransactionType',
  'TransactionAmount',
  'CurrencyCode',
] as const;

export const PERMISSION_COLUMNS = [
  'CreationDate',
  'ChargePermissionId',
  'ChargePermissionType',
  'State',
  'SellerReferenceId',
  'AmountLimit',
  'CurrencyCode',
] as const;

/**
 * Settlement dates look like 2015-05-18T14:37:01-0700
 * (https://developer.amazon.com/docs/amazon-pay-reports/settlement-reports.html); the emulator writes UTC.
 */
export function settlementDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

const clean = (value: string) => value.replace(/[\t\r\n]/g, ' ');
const row = (cells: readonly string[]) => cells.map(clean).join('\t');

/** Fees as a sandbox would show them: 2.9 % + 0.30 on captures, in whole minor units; refunds carry none. */
function fees(entry: LedgerEntry): { percentage: number; fixed: number } {
  if (entry.type !== 'Capture') return { percentage: 0, fixed: 0 };
  return { percentage: -Math.round((entry.amount.amount * 29) / 1000), fixed: -30 };
}

function inRange(ms: number, startMs: number, endMs: number): boolean {
  return ms >= startMs && ms < endMs;
}

export function buildDocumentLines(
  store: Store,
  merchantId: string,
  reportType: string,
  startMs: number,
  endMs: number,
  settlementId: string,
): string[] {
  if ((SETTLEMENT_TYPES as readonly string[]).includes(reportType)) {
    const entries = store.ledger.filter(
      (e) => (e.type === 'Capture' || e.type === 'Refund') && inRange(e.postedMs, startMs, endMs),
    );
    if (entries.length === 0) return [];
    const lines = [
      row(['SettlementFileFormatVersion', REPORT_FORMAT_VERSION]),
      row(['SellerId', merchantId]),
      row(['SettlementStartDate', settlementDate(startMs)]),
      row(['SettlementEndDate', settlementDate(endMs)]),
      '',
      row(SETTLEMENT_COLUMNS),
    ];
    for (const entry of entries) {
      const { percentage, fixed } = fees(entry);
      const money = (amount: number) => toDecimalString({ amount, currency: entry.amount.currency });
      lines.push(
        row([
          settlementDate(entry.postedMs),
          settlementId,
          entry.amazonTransactionId,
          entry.merchantReferenceId,
          entry.type,
          entry.chargePermissionId,
          money(entry.amount.amount),
          money(percentage),
          money(fixed),
          money(percentage + fixed),
          money(entry.amount.amount + percentage + fixed),
          entry.amount.currency,
          `${entry.type} ${entry.amazonTransactionId}`,
        ]),
      );
    }
    return lines;
  }
  if (reportType.endsWith('_ORDER_REFERENCE_DATA_') || reportType.endsWith('_BILLING_AGREEMENT_DATA_')) {
    const recurring = reportType.endsWith('_BILLING_AGREEMENT_DATA_');
    const permissions = [...store.permissions.values()].filter(
      (p) => (p.type !== 'OneTime') === recurring && inRange(p.createdMs, startMs, endMs),
    );
    if (permissions.length === 0) return [];
    return [
      row(['ReportFormatVersion', REPORT_FORMAT_VERSION]),
      row(PERMISSION_COLUMNS),
      ...permissions.map((p) => {
        const reference = p.merchantMetadata['merchantReferenceId'];
        return row([
          settlementDate(p.createdMs),
          p.id,
          p.type,
          p.status.state,
          typeof reference === 'string' ? reference : '',
          p.amountLimit ? toDecimalString(p.amountLimit) : '',
          p.presentmentCurrency,
        ]);
      }),
    ];
  }
  const wanted = reportType.endsWith('_AUTHORIZATION_DATA_')
    ? 'Authorization'
    : reportType.endsWith('_CAPTURE_DATA_')
      ? 'Capture'
      : 'Refund';
  const entries = store.ledger.filter((e) => e.type === wanted && inRange(e.postedMs, startMs, endMs));
  if (entries.length === 0) return [];
  return [
    row(['ReportFormatVersion', REPORT_FORMAT_VERSION]),
    row(TRANSACTION_COLUMNS),
    ...entries.map((e) =>
      row([
        settlementDate(e.postedMs),
        e.amazonTransactionId,
        e.chargePermissionId,
        e.merchantReferenceId,
        e.type,
        toDecimalString(e.amount),
        e.amount.currency,
      ]),
    ),
  ];
}

/** Cents as a decimal without lib/money's checks: the synthetic ledger is USD, and this runs per row of a 200 MB file. */
function usdCents(minor: number): string {
  const size = Math.abs(minor);
  return `${minor < 0 ? '-' : ''}${Math.floor(size / 100)}.${String(size % 100).padStart(2, '0')}`;
}

/** Settlement lines of a made-up ledger, generated lazily until about `sizeBytes` (download benchmarks). */
export function* syntheticSettlementLines(
  merchantId: string,
  startMs: number,
  endMs: number,
  sizeBytes: number,
): Generator<string, void, undefined> {
  const head = [
    row(['SettlementFileFormatVersion', REPORT_FORMAT_VERSION]),
    row(['SellerId', merchantId]),
    row(['SettlementStartDate', settlementDate(startMs)]),
    row(['SettlementEndDate', settlementDate(endMs)]),
    '',
    row(SETTLEMENT_COLUMNS),
  ];
  let bytes = 0;
  for (const line of head) {
    bytes += line.length + 1;
    yield line;
  }
  // One posted time per 1000 rows: formatting a date per row would make the generator the benchmark's bottleneck.
  const seconds = Math.max(1, Math.floor((endMs - startMs) / 1000));
  let posted = '';
  for (let n = 1; bytes < sizeBytes; n++) {
    if (n % 1000 === 1) posted = settlementDate(startMs + (Math.floor(n / 1000) % seconds) * 1000);
    const id = String(n).padStart(7, '0');
    const permission = `S01-${id.slice(0, 3)}0000-${id}`;
    const amount = 1_000 + (n % 9_000);
    const percentage = -Math.round((amount * 29) / 1000);
    const line = `${posted}\t10000001\t${permission}-C${id}\tNW-${id}\tCapture\t${permission}\t${usdCents(amount)}\t${usdCents(percentage)}\t-0.30\t${usdCents(percentage - 30)}\t${usdCents(amount + percentage - 30)}\tUSD\tCapture ${permission}-C${id}`;
    bytes += line.length + 1;
    yield line;
  }
}
