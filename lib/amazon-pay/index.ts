import 'server-only';

/**
 * The public entry of our Amazon Pay client. `server-only` keeps the key-holding
 * client out of any browser bundle (as in Stripe's Next.js examples); the pure
 * signing primitives live in ./signing for the emulator.
 */
export { createAmazonPayClient, type AmazonPayClient } from './client';
export type { AmazonPayConfig } from './config';
export { AmazonPayConfigError } from './config';
export { AmazonPayError, type AmazonPayReasonCode } from './errors';
export { InvalidPrivateKeyError } from './signer';
export type { ButtonConfig } from './button';
export type { ReadOptions, WriteOptions } from './transport';
export type { RetryConfig } from './retry';
export type * from './requests';
export type { Address, AmazonPriceResponse, Open, ReasonCode } from './schemas/common';
export type { CheckoutSession } from './schemas/checkout-session';
export type { Charge, ChargePermission, Refund } from './schemas/payments';
export type { AuthorizationTokenResult, Buyer, DeliveryTrackerResult } from './schemas/merchant';
export type {
  CreateReportResult,
  CreateReportScheduleResult,
  EmptyResult,
  Report,
  ReportDocument,
  ReportList,
  ReportProcessingStatus,
  ReportSchedule,
  ReportScheduleList,
} from './schemas/reports';
export { moneyToPrice, priceToMoney, requireAmazonTimestamp, InvalidAmazonTimestampError } from './conversions';
export { formatAmazonTimestamp, parseAmazonTimestamp, type SignatureAlgorithm } from './signing';
export { isValidIdempotencyKey } from './idempotency';
