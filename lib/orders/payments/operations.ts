/**
 * Merchant payment operations on an order. Each checks our stored state and
 * refuses in words, writes the admin_operations row before calling Amazon with a key
 * derived from the operation and the state it acts on, then records Amazon's state
 * through lib/orders/sync. Errors: OperationRefusedError (we refused),
 * AmazonRefusedError (Amazon refused; its reasonCode in words), OperationInProgressError.
 */
export { captureCharge, cancelCharge, refundCharge, type CaptureInput, type CancelInput, type RefundInput } from './charges';
export {
  addDeliveryTracking,
  chargeAgain,
  closeChargePermission,
  updateChargePermissionMetadata,
  type ChargeAgainInput,
  type CloseInput,
  type MetadataInput,
  type TrackingInput,
} from './permission';
export { refreshOrderFromAmazon } from './refresh';
export type { OperationOutcome } from './operation-ledger';
export { AmazonRefusedError, OperationInProgressError, OperationRefusedError } from './operation-errors';
