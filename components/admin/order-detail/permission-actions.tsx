'use client';

import {
  addDeliveryTrackingAction,
  chargeAgainAction,
  closeChargePermissionAction,
  updateChargePermissionMetadataAction,
} from '@/components/admin/order-actions';
import type { AdminOrderView, LivePermissionView } from '@/lib/orders/admin/order-view-types';
import { formatMinor } from './format';
import { Field, inputClass, OperationForm } from './operation-form';

const box = 'rounded-lg border border-black/10 p-4';

/** Operations on the charge permission, offered as its live state and the order's goods allow. */
export function PermissionActions({ view, permission }: { view: AdminOrderView; permission: LivePermissionView }) {
  const { order, lines } = view;
  const open = permission.state !== 'Closed';
  const subscriptionLine = lines.find((line) => line.kind === 'subscription');
  const canChargeAgain =
    order.isSubscription && permission.type === 'Recurring' && permission.state === 'Chargeable' && subscriptionLine;
  if (!open && !order.hasPhysicalGoods) return null;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {canChargeAgain && (
        <div className={box}>
          <h3 className="mb-2 text-sm font-semibold">Charge the subscription again</h3>
          <OperationForm
            action={chargeAgainAction}
            orderNumber={order.number}
            submitLabel={`Charge ${formatMinor(subscriptionLine.lineTotal, order.currency)}…`}
            testId="charge-again-form"
            confirm={{
              title: 'Charge the buyer again?',
              body: `${formatMinor(subscriptionLine.lineTotal, order.currency)} for ${subscriptionLine.name}, this month’s renewal. Once per month; a second press does nothing.`,
              confirmLabel: 'Charge now',
            }}
          />
        </div>
      )}
      {order.hasPhysicalGoods && (
        <div className={box}>
          <h3 className="mb-2 text-sm font-semibold">Delivery tracking</h3>
          <OperationForm
            action={addDeliveryTrackingAction}
            orderNumber={order.number}
            submitLabel="Send tracking"
            testId="tracking-form"
          >
            <Field label="Carrier code" name="carrierCode" hint="e.g. UPS, USPS, FEDEX, DHL">
              <input id="carrierCode" name="carrierCode" required maxLength={50} className={inputClass} />
            </Field>
            <Field label="Tracking number" name="trackingNumber">
              <input id="trackingNumber" name="trackingNumber" required maxLength={100} className={inputClass} />
            </Field>
          </OperationForm>
        </div>
      )}
      {open && (
        <div className={box}>
          <h3 className="mb-2 text-sm font-semibold">Merchant metadata</h3>
          <OperationForm
            action={updateChargePermissionMetadataAction}
            orderNumber={order.number}
            submitLabel="Update metadata"
            testId="metadata-form"
          >
            <Field label="Merchant reference" name="merchantReferenceId">
              <input
                id="merchantReferenceId"
                name="merchantReferenceId"
                maxLength={256}
                defaultValue={permission.merchantMetadata.merchantReferenceId}
                className={inputClass}
              />
            </Field>
            <Field label="Store name" name="merchantStoreName">
              <input
                id="merchantStoreName"
                name="merchantStoreName"
                maxLength={50}
                defaultValue={permission.merchantMetadata.merchantStoreName}
                className={inputClass}
              />
            </Field>
            <Field label="Note to buyer" name="noteToBuyer">
              <input
                id="noteToBuyer"
                name="noteToBuyer"
                maxLength={255}
                defaultValue={permission.merchantMetadata.noteToBuyer}
                className={inputClass}
              />
            </Field>
          </OperationForm>
        </div>
      )}
      {open && (
        <div className={box}>
          <h3 className="mb-2 text-sm font-semibold">Close the charge permission</h3>
          <OperationForm
            action={closeChargePermissionAction}
            orderNumber={order.number}
            submitLabel="Close permission…"
            testId="close-form"
            confirm={{
              title: 'Close this charge permission?',
              body: 'No further charges can be made on it. This cannot be undone.',
              confirmLabel: 'Close it',
            }}
          >
            <Field label="Reason for closing" name="closureReason">
              <input id="closureReason" name="reason" required maxLength={255} className={inputClass} />
            </Field>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="cancelPendingCharges" className="h-4 w-4" />
              Also cancel charges not yet captured
            </label>
          </OperationForm>
        </div>
      )}
    </div>
  );
}
