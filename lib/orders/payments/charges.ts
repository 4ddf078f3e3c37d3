import { z } from 'zod';
import { AmazonPayError, type AmazonPayClient } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import { currencyCodeSchema, formatMoney, money, toAmazonPrice } from '@/lib/money';
import { loadOrderPayment, parseAmount, refundsOf } from './operation-context';
import { replaySteps, runOperation, type OperationOutcome, type OperationReplay } from './operation-ledger';
import { operationKey } from './operation-keys';
import { OperationRefusedError } from './operation-errors';
import { syncCharge, syncRefund } from './sync';

/** Capture, cancel and refund of one Charge (https://developer.amazon.com/docs/amazon-pay-api-v2/charge.html, refund.html). */

export interface AdminActor {
  /** The admin's email, kept on the operation row. */
  actor: string;
}

export interface CaptureInput extends AdminActor {
  orderNumber: string;
  chargeId: string;
  /** Decimal in the order's currency, e.g. "12.50". */
  amount: string;
}

export async function captureCharge(db: Database, amazon: AmazonPayClient, input: CaptureInput): Promise<OperationOutcome> {
  const { order, payment } = await loadOrderPayment(db, input.orderNumber, input.chargeId);
  const { currency } = order;
  const amount = parseAmount(input.amount, currency);
  const spec = {
    // The amount is part of the key: Amazon refuses one key with a changed body
    // (https://developer.amazon.com/docs/amazon-pay-api-v2/idempotency.html).
    idempotencyKey: operationKey('cap', payment.chargeId, amount),
    orderId: order.id,
    kind: 'capture',
    request: { chargeId: payment.chargeId, amount, currency },
    actor: input.actor,
  };
  return runOperation(db, spec, {
    validate: () => {
      if (payment.state !== 'Authorized')
        throw new OperationRefusedError(`This charge is ${payment.state}; only an Authorized charge can be captured.`);
      if (amount > payment.authorizedAmount) {
        throw new OperationRefusedError(
          `You can capture at most ${formatMoney(money(payment.authorizedAmount, currency))}, the amount authorized.`,
        );
      }
    },
    ...replaySteps(captureReplay, db, amazon, spec.request),
  });
}

const amountRequest = { chargeId: z.string().min(1), amount: z.number().int().nonnegative(), currency: currencyCodeSchema };

export const captureReplay: OperationReplay<{ chargeId: string; amount: number; currency: z.infer<typeof currencyCodeSchema> }> =
  {
    kind: 'capture',
    request: z.object(amountRequest),
    async call(amazon, { chargeId, amount, currency }, idempotencyKey) {
      const charge = await amazon.captureCharge(
        chargeId,
        { captureAmount: toAmazonPrice(money(amount, currency)) },
        { idempotencyKey },
      );
      return { amazonObjectId: charge.chargeId };
    },
    async afterSuccess(db, amazon, { chargeId }) {
      await syncCharge(db, amazon, chargeId, 'admin', { withPermission: true });
    },
  };

export interface CancelInput extends AdminActor {
  orderNumber: string;
  chargeId: string;
  reason: string;
}

const CANCELABLE = new Set(['Authorized', 'AuthorizationInitiated']);

export async function cancelCharge(db: Database, amazon: AmazonPayClient, input: CancelInput): Promise<OperationOutcome> {
  const { order, payment } = await loadOrderPayment(db, input.orderNumber, input.chargeId);
  const reason = input.reason.trim();
  if (!reason) throw new OperationRefusedError('Say why the charge is canceled; the buyer may see the reason.');
  const spec = {
    idempotencyKey: operationKey('cxl', payment.chargeId),
    orderId: order.id,
    kind: 'cancel',
    request: { chargeId: payment.chargeId, reason },
    actor: input.actor,
  };
  return runOperation(db, spec, {
    validate: () => {
      if (payment.state === 'Captured' || payment.state === 'CaptureInitiated') {
        throw new OperationRefusedError('This charge has been captured, so it cannot be canceled. Refund it instead.');
      }
      if (!CANCELABLE.has(payment.state)) throw new OperationRefusedError(`This charge is already ${payment.state}.`);
    },
    ...replaySteps(cancelReplay, db, amazon, spec.request),
  });
}

export const cancelReplay: OperationReplay<{ chargeId: string; reason: string }> = {
  kind: 'cancel',
  request: z.object({ chargeId: z.string().min(1), reason: z.string() }),
  async call(amazon, { chargeId, reason }) {
    try {
      const charge = await amazon.cancelCharge(chargeId, { cancellationReason: reason });
      return { amazonObjectId: charge.chargeId };
    } catch (error) {
      // Repeated after its answer was lost: Amazon refuses to cancel a canceled charge.
      if (!(error instanceof AmazonPayError) || error.retryable) throw error;
      const charge = await amazon.getCharge(chargeId);
      if (charge.statusDetails.state !== 'Canceled') throw error;
      return { amazonObjectId: charge.chargeId };
    }
  },
  async afterSuccess(db, amazon, { chargeId }) {
    await syncCharge(db, amazon, chargeId, 'admin', { withPermission: true });
  },
};

export interface RefundInput extends CaptureInput {
  /**
   * How many refunds the admin's page showed for this charge: the state the refund acts on.
   * A double click, a retry or a second tab send the same number (same key, one refund);
   * once the first refund shows up, a deliberate second one sends the next number.
   * Without it, the count stored now is used.
   */
  refundsSeen?: number;
}

export async function refundCharge(db: Database, amazon: AmazonPayClient, input: RefundInput): Promise<OperationOutcome> {
  const { order, payment } = await loadOrderPayment(db, input.orderNumber, input.chargeId);
  const { currency } = order;
  const amount = parseAmount(input.amount, currency);
  const { count, committedAmount } = await refundsOf(db, payment.id);
  const refundsBefore = input.refundsSeen ?? count;
  const spec = {
    idempotencyKey: operationKey('ref', payment.chargeId, amount, refundsBefore),
    orderId: order.id,
    kind: 'refund',
    request: { chargeId: payment.chargeId, amount, currency, refundsBefore },
    actor: input.actor,
  };
  return runOperation(db, spec, {
    validate: () => {
      if (payment.state !== 'Captured')
        throw new OperationRefusedError(`This charge is ${payment.state}; only a captured charge can be refunded.`);
      if (refundsBefore !== count) {
        throw new OperationRefusedError(
          'The refunds on this charge changed since the page was loaded. Check them, then refund again if still needed.',
        );
      }
      const refundable = payment.capturedAmount - committedAmount;
      if (amount > refundable) {
        throw new OperationRefusedError(
          refundable > 0
            ? `You can refund at most ${formatMoney(money(refundable, currency))}: the rest is refunded already or on its way.`
            : 'Everything captured on this charge is refunded already or on its way.',
        );
      }
    },
    ...replaySteps(refundReplay, db, amazon, spec.request),
  });
}

export const refundReplay: OperationReplay<{
  chargeId: string;
  amount: number;
  currency: z.infer<typeof currencyCodeSchema>;
  refundsBefore: number;
}> = {
  kind: 'refund',
  request: z.object({ ...amountRequest, refundsBefore: z.number().int().nonnegative() }),
  async call(amazon, { chargeId, amount, currency }, idempotencyKey) {
    const refund = await amazon.createRefund(
      { chargeId, refundAmount: toAmazonPrice(money(amount, currency)) },
      { idempotencyKey },
    );
    return { amazonObjectId: refund.refundId };
  },
  async afterSuccess(db, amazon, { chargeId }, refundId) {
    if (refundId) await syncRefund(db, amazon, refundId, 'admin');
    await syncCharge(db, amazon, chargeId, 'admin', { withPermission: true });
  },
};
