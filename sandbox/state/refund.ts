import { addMoney, type Money } from '@/lib/money';
import { SandboxHttpError } from '../http';
import type { SimulationCode } from '../simulations';
import { ledger } from './charge';
import { ids, type Store } from './store';
import type { ChargeRecord, RefundRecord, RefundState } from './types';

function notify(store: Store, refund: RefundRecord, charge: ChargeRecord): void {
  store.emit({ objectType: 'REFUND', objectId: refund.id, chargePermissionId: charge.chargePermissionId });
}

/** Refunds not declined, pending included, so two quick refunds cannot together exceed the capture. */
function committedRefunds(store: Store, charge: ChargeRecord): Money {
  let total = { ...charge.refundedAmount, amount: 0 };
  for (const refund of store.refunds.values()) {
    if (refund.chargeId === charge.id && refund.status.state !== 'Declined') total = addMoney(total, refund.refundAmount);
  }
  return total;
}

/**
 * Refunds (https://developer.amazon.com/docs/amazon-pay-api-v2/refund.html): only a captured charge can be refunded, possibly several
 * times; refunds start RefundInitiated and settle asynchronously (Refunded or
 * Declined) once the clock passes `timings.refundSeconds`.
 */
export function createRefund(
  store: Store,
  charge: ChargeRecord,
  amount: Money,
  softDescriptor: string | null,
  simulation: SimulationCode<'createRefund'> | null,
): RefundRecord {
  if (charge.status.state !== 'Captured' || !charge.captureAmount) {
    throw new SandboxHttpError(422, 'InvalidChargeStatus', `You cannot refund a Charge in state ${charge.status.state}.`);
  }
  if (amount.currency !== charge.captureAmount.currency)
    throw new SandboxHttpError(400, 'CurrencyMismatch', 'refundAmount currency differs from the captured amount.');
  if (amount.amount <= 0) throw new SandboxHttpError(400, 'InvalidParameterValue', 'refundAmount must be positive.');
  if (committedRefunds(store, charge).amount + amount.amount > charge.captureAmount.amount) {
    throw new SandboxHttpError(400, 'TransactionAmountExceeded', 'The total refunded amount would exceed the captured amount.');
  }
  charge.refundCount += 1;
  const refund: RefundRecord = {
    id: ids.refund(charge.chargePermissionId),
    chargeId: charge.id,
    refundAmount: amount,
    softDescriptor,
    status: store.status<RefundState>('RefundInitiated'),
    createdMs: store.nowMs(),
  };
  store.refunds.set(refund.id, refund);
  notify(store, refund, charge);
  store.schedule(store.timings.refundSeconds, () => {
    if (simulation === 'AmazonRejected') {
      refund.status = store.status<RefundState>('Declined', 'AmazonRejected');
    } else {
      refund.status = store.status<RefundState>('Refunded');
      charge.refundedAmount = addMoney(charge.refundedAmount, amount);
      ledger(store, charge, 'Refund', { ...amount, amount: -amount.amount }, refund.id);
    }
    notify(store, refund, charge);
  });
  return refund;
}
