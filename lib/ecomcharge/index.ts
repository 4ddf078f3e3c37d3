import 'server-only';

/**
 * The eComCharge shop reports client (https://doc.ecomcharge.com/en/payment_management/reports/reports_shop/).
 * `server-only` keeps the shop secret out of any browser bundle.
 */
export {
  createEcomchargeClient,
  type EcomchargeClient,
  type EcomchargeClientConfig,
  type EcomchargeDayReport,
  type EcomchargePage,
} from './client';
export { EcomchargeError, type EcomchargeErrorCode, type EcomchargeFieldErrors } from './errors';
export type { EcomchargeIterateParams } from './pagination';
export type {
  EcomchargeCallOptions,
  EcomchargeDateType,
  EcomchargeDayReportParams,
  EcomchargeListParams,
  EcomchargePaymentMethodType,
  EcomchargePeriodParams,
  EcomchargeReportFilter,
  EcomchargeStatusFilter,
} from './requests';
export type { EcomchargeTransaction, EcomchargeTransactionStatus, EcomchargeTransactionType } from './transactions';
export type { EcomchargeMoney } from './amounts';
export { formatMinor } from './amounts';
export type { MaskedCard } from './masking';
export { TRANSACTION_CSV_COLUMNS, transactionsToCsvStream } from './csv-export';
