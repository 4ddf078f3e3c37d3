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
import type { ReadOptions, Send, WriteOptions } from '../transport';

// chargePermissions, charges, refunds (charge-permission.html, charge.html and refund.html under
// https://developer.amazon.com/docs/amazon-pay-api-v2/). Close and cancel are DELETEs with a JSON body.
export function paymentOperations(send: Send) {
  return {
    getChargePermission: (chargePermissionId: string, options?: ReadOptions): Promise<ChargePermission> =>
      send({
        operation: 'getChargePermission',
        method: 'GET',
        segments: ['chargePermissions', chargePermissionId],
        options,
        schema: chargePermissionSchema,
      }),

    updateChargePermission: (
      chargePermissionId: string,
      payload: UpdateChargePermissionRequest,
      options?: WriteOptions,
    ): Promise<ChargePermission> =>
      send({
        operation: 'updateChargePermission',
        method: 'PATCH',
        segments: ['chargePermissions', chargePermissionId],
        body: payload,
        options,
        schema: chargePermissionSchema,
      }),

    closeChargePermission: (
      chargePermissionId: string,
      payload: CloseChargePermissionRequest,
      options?: WriteOptions,
    ): Promise<ChargePermission> =>
      send({
        operation: 'closeChargePermission',
        method: 'DELETE',
        segments: ['chargePermissions', chargePermissionId, 'close'],
        body: payload,
        options,
        schema: chargePermissionSchema,
      }),

    createCharge: (payload: CreateChargeRequest, options?: WriteOptions): Promise<Charge> =>
      send({ operation: 'createCharge', method: 'POST', segments: ['charges'], body: payload, options, schema: chargeSchema }),

    getCharge: (chargeId: string, options?: ReadOptions): Promise<Charge> =>
      send({ operation: 'getCharge', method: 'GET', segments: ['charges', chargeId], options, schema: chargeSchema }),

    captureCharge: (chargeId: string, payload: CaptureChargeRequest, options?: WriteOptions): Promise<Charge> =>
      send({
        operation: 'captureCharge',
        method: 'POST',
        segments: ['charges', chargeId, 'capture'],
        body: payload,
        options,
        schema: chargeSchema,
      }),

    cancelCharge: (chargeId: string, payload: CancelChargeRequest, options?: WriteOptions): Promise<Charge> =>
      send({
        operation: 'cancelCharge',
        method: 'DELETE',
        segments: ['charges', chargeId, 'cancel'],
        body: payload,
        options,
        schema: chargeSchema,
      }),

    createRefund: (payload: CreateRefundRequest, options?: WriteOptions): Promise<Refund> =>
      send({ operation: 'createRefund', method: 'POST', segments: ['refunds'], body: payload, options, schema: refundSchema }),

    getRefund: (refundId: string, options?: ReadOptions): Promise<Refund> =>
      send({ operation: 'getRefund', method: 'GET', segments: ['refunds', refundId], options, schema: refundSchema }),
  };
}
