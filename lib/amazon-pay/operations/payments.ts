import type {
  CancelChargeRequest,
  CaptureChargeRequest,
  CloseChargePermissionRequest,
  CreateChargeRequest,
  CreateRefundRequest,
  UpdateChargePermissionRequest,
} from '../requests';
import {
  chargePermissionSchema,
  chargeSchema,
  refundSchema,
  type Charge,
  type ChargePermission,
  type Refund,
} from '../schemas/payments';
import { named, type OperationsReturning } from './define';

// chargePermissions, charges, refunds (charge-permission.html, charge.html and refund.html under
// https://developer.amazon.com/docs/amazon-pay-api-v2/). Close and cancel are DELETEs with a JSON body.
export function paymentOperations(returning: OperationsReturning) {
  const permission = returning<ChargePermission>(chargePermissionSchema);
  const charge = returning<Charge>(chargeSchema);
  const refund = returning<Refund>(refundSchema);
  return named({
    getChargePermission: permission.get('chargePermissions'),
    updateChargePermission: permission.write<UpdateChargePermissionRequest>('PATCH', 'chargePermissions'),
    closeChargePermission: permission.write<CloseChargePermissionRequest>('DELETE', 'chargePermissions', 'close'),
    createCharge: charge.create<CreateChargeRequest>('charges'),
    getCharge: charge.get('charges'),
    captureCharge: charge.write<CaptureChargeRequest>('POST', 'charges', 'capture'),
    cancelCharge: charge.write<CancelChargeRequest>('DELETE', 'charges', 'cancel'),
    createRefund: refund.create<CreateRefundRequest>('refunds'),
    getRefund: refund.get('refunds'),
  });
}
