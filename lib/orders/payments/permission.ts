import { and, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AmazonPayClient, MerchantMetadataInput } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import { adminOperations, payments } from '@/lib/db/schema';
import { currencyCodeSchema, money, toAmazonPrice, type CurrencyCode } from '@/lib/money';
import { hasPhysicalLine, loadOrderWithPermission } from './operation-context';
import { replaySteps, runOperation, type OperationOutcome, type OperationReplay } from './operation-ledger';
import { operationKey } from './operation-keys';
import type { AdminActor } from './charges';
import { OperationRefusedError } from './operation-errors';
import { recordShipment } from '@/lib/orders/fulfilment';
import { closeRefusal, trackingRefusal } from './after-sale-gates';
import { dueDateInWords, permissionMayBeCharged, planRenewal } from './renewal';
import { syncCharge, syncChargePermission } from './sync';

/** Operations on the order's ChargePermission (https://developer.amazon.com/docs/amazon-pay-api-v2/charge-permission.html). */

export interface CloseInput extends AdminActor {
  orderNumber: string;
  reason: string;
  cancelPendingCharges: boolean;
}

export async function closeChargePermission(db: Database, amazon: AmazonPayClient, input: CloseInput): Promise<OperationOutcome> {
  const { order, chargePermissionId } = await loadOrderWithPermission(db, input.orderNumber);
  const reason = input.reason.trim();
  if (!reason) throw new OperationRefusedError('Say why the charge permission is closed.');
  const spec = {
    idempotencyKey: operationKey('close', chargePermissionId),
    orderId: order.id,
    kind: 'close_charge_permission',
    request: { chargePermissionId, reason, cancelPendingCharges: input.cancelPendingCharges },
    actor: input.actor,
  };
  return runOperation(db, spec, {
    validate: () => {
      const refusal = closeRefusal(order);
      if (refusal) throw new OperationRefusedError(refusal);
    },
    call: async () => {
      const permission = await amazon.closeChargePermission(chargePermissionId, {
        closureReason: reason,
        cancelPendingCharges: input.cancelPendingCharges,
      });
      return { amazonObjectId: permission.chargePermissionId };
    },
    afterSuccess: async () => {
      await syncChargePermission(db, amazon, chargePermissionId, 'admin');
      // Closing may cancel open charges: record each one's new state.
      const charges = await db.select({ chargeId: payments.chargeId }).from(payments).where(eq(payments.orderId, order.id));
      for (const { chargeId } of charges) await syncCharge(db, amazon, chargeId, 'admin');
    },
  });
}

export interface MetadataInput extends AdminActor {
  orderNumber: string;
  merchantMetadata: MerchantMetadataInput;
}

export async function updateChargePermissionMetadata(
  db: Database,
  amazon: AmazonPayClient,
  input: MetadataInput,
): Promise<OperationOutcome> {
  const { order, chargePermissionId } = await loadOrderWithPermission(db, input.orderNumber);
  const metadata = Object.fromEntries(
    Object.entries(input.merchantMetadata).filter(([, value]) => typeof value === 'string' && value.trim() !== ''),
  );
  if (Object.keys(metadata).length === 0) throw new OperationRefusedError('Fill in at least one field to update.');
  // Earlier updates are the state acted on, so setting A, then B, then A again sends all three.
  const [done] = await db
    .select({ n: count() })
    .from(adminOperations)
    .where(
      and(
        eq(adminOperations.orderId, order.id),
        eq(adminOperations.kind, 'update_metadata'),
        eq(adminOperations.status, 'succeeded'),
      ),
    );
  const spec = {
    idempotencyKey: operationKey('meta', chargePermissionId, JSON.stringify(metadata), done?.n ?? 0),
    orderId: order.id,
    kind: 'update_metadata',
    request: { chargePermissionId, ...metadata },
    actor: input.actor,
  };
  return runOperation(db, spec, {
    validate: () => {
      if (order.chargePermissionState === 'Closed')
        throw new OperationRefusedError('A closed charge permission can no longer be changed.');
    },
    call: async () => {
      const permission = await amazon.updateChargePermission(chargePermissionId, { merchantMetadata: metadata });
      return { amazonObjectId: permission.chargePermissionId };
    },
    afterSuccess: async () => {
      await syncChargePermission(db, amazon, chargePermissionId, 'admin');
    },
  });
}

export interface ChargeAgainInput extends AdminActor {
  orderNumber: string;
}

/**
 * Renews the subscription: a new Charge on the Recurring permission for the next billing
 * period, priced from our stored lines by the checkout's rules (never from the request),
 * and only once that period is due. The key is the permission, the period and the attempt
 * (see renewalCursor), so however often the button is pressed a period is charged once.
 */
export async function chargeAgain(
  db: Database,
  amazon: AmazonPayClient,
  input: ChargeAgainInput,
  now = new Date(),
): Promise<OperationOutcome> {
  const { order, chargePermissionId } = await loadOrderWithPermission(db, input.orderNumber);
  const planned = await planRenewal(db, order);
  if ('refusal' in planned) throw new OperationRefusedError(planned.refusal);
  const { plan } = planned;
  const spec = {
    idempotencyKey: plan.idempotencyKey,
    orderId: order.id,
    kind: 'charge_again',
    request: {
      chargePermissionId,
      amount: plan.amount.amount,
      currency: plan.amount.currency,
      period: plan.period,
      attempt: plan.attempt,
      dueAt: plan.dueAt.toISOString(),
      product: plan.products,
      reference: `${order.number}-${plan.period}`,
    },
    actor: input.actor,
  };
  return runOperation(db, spec, {
    validate: () => {
      if (!permissionMayBeCharged(order)) {
        throw new OperationRefusedError(`The charge permission is ${order.chargePermissionState}; it cannot be charged.`);
      }
      if (now < plan.dueAt) {
        throw new OperationRefusedError(
          `Billing period ${plan.period} is not due yet; it can be charged from ${dueDateInWords(plan.dueAt)}.`,
        );
      }
    },
    ...replaySteps(chargeAgainReplay, db, amazon, spec.request),
  });
}

export const chargeAgainReplay: OperationReplay<{
  chargePermissionId: string;
  amount: number;
  currency: CurrencyCode;
  reference: string;
}> = {
  kind: 'charge_again',
  request: z.looseObject({
    chargePermissionId: z.string().min(1),
    amount: z.number().int().positive(),
    currency: currencyCodeSchema,
    reference: z.string().min(1),
  }),
  async call(amazon, { chargePermissionId, amount, currency, reference }, idempotencyKey) {
    const charge = await amazon.createCharge(
      {
        chargePermissionId,
        chargeAmount: toAmazonPrice(money(amount, currency)),
        captureNow: true,
        canHandlePendingAuthorization: true,
        merchantMetadata: { merchantReferenceId: reference },
      },
      { idempotencyKey },
    );
    return { amazonObjectId: charge.chargeId };
  },
  async afterSuccess(db, amazon, { chargePermissionId }, chargeId) {
    // The new charge joins our payments table here (syncCharge finds the order by its permission).
    if (chargeId) await syncCharge(db, amazon, chargeId, 'admin');
    await syncChargePermission(db, amazon, chargePermissionId, 'admin');
  },
};

export interface TrackingInput extends AdminActor {
  orderNumber: string;
  carrierCode: string;
  trackingNumber: string;
}

/**
 * Tells Amazon how a physical order ships, so the buyer can follow the parcel, and marks the
 * order shipped with it in the transaction that records Amazon's acceptance.
 */
export async function addDeliveryTracking(
  db: Database,
  amazon: AmazonPayClient,
  input: TrackingInput,
): Promise<OperationOutcome> {
  const { order, chargePermissionId } = await loadOrderWithPermission(db, input.orderNumber);
  if (!(await hasPhysicalLine(db, order.id)))
    throw new OperationRefusedError('Only orders with physical goods ship with a tracking number.');
  const carrierCode = input.carrierCode.trim().toUpperCase();
  const trackingNumber = input.trackingNumber.trim();
  if (!carrierCode || !trackingNumber) throw new OperationRefusedError('Give both the carrier code and the tracking number.');
  const spec = {
    idempotencyKey: operationKey('trk', chargePermissionId, carrierCode, trackingNumber),
    orderId: order.id,
    kind: 'delivery_tracking',
    request: { chargePermissionId, carrierCode, trackingNumber },
    actor: input.actor,
  };
  return runOperation(db, spec, {
    validate: () => {
      const refusal = trackingRefusal(order);
      if (refusal) throw new OperationRefusedError(refusal);
    },
    call: async (idempotencyKey) => {
      await amazon.deliveryTrackers(
        { chargePermissionId, deliveryDetails: [{ trackingNumber, carrierCode }] },
        { idempotencyKey },
      );
      return { amazonObjectId: chargePermissionId };
    },
    afterSuccess: async () => {},
    record: (tx) => recordShipment(tx, order.id, { carrierCode, trackingNumber }),
  });
}
