'use client';

import {
  addDeliveryTrackingAction,
  chargeAgainAction,
  closeChargePermissionAction,
  updateChargePermissionMetadataAction,
} from '@/components/admin/order-actions';
import type { ReactNode } from 'react';
import type { AdminOrderView, LivePermissionView, RenewalView } from '@/lib/orders/admin/order-view-types';
import { formatMinor } from './format';
import { Field, inputClass, OperationForm, type OperationFormProps } from './operation-form';

type MetadataKey = keyof LivePermissionView['merchantMetadata'];

const METADATA_FIELDS: Array<{ name: MetadataKey; label: string; maxLength: number }> = [
  { name: 'merchantReferenceId', label: 'Merchant reference', maxLength: 256 },
  { name: 'merchantStoreName', label: 'Store name', maxLength: 50 },
  { name: 'noteToBuyer', label: 'Note to buyer', maxLength: 255 },
];

/** A titled box for one operation on the permission. */
function Box({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-black/10 p-4">
      <h3 className="mb-2 text-sm font-semibold">{title}</h3>
      {children}
    </div>
  );
}

/** One operation in its own titled box. */
function OperationBox({ title, ...form }: { title: string } & OperationFormProps) {
  return (
    <Box title={title}>
      <OperationForm {...form} />
    </Box>
  );
}

/** The next billing period: charged from its due date on, and said to be not due before it. */
function ChargeAgain({
  orderNumber,
  renewal,
  product,
  currency,
}: {
  orderNumber: string;
  renewal: RenewalView;
  product: string;
  currency: string;
}) {
  const amount = formatMinor(renewal.amount, currency);
  const period = `Billing period ${renewal.period}`;
  if (!renewal.due) {
    return (
      <Box title="Charge the subscription again">
        <p className="text-sm text-black/70" data-testid="charge-again-not-due">
          {period} ({amount}) is not due yet. It can be charged from {renewal.dueOn}.
        </p>
      </Box>
    );
  }
  return (
    <OperationBox
      title="Charge the subscription again"
      action={chargeAgainAction}
      orderNumber={orderNumber}
      submitLabel={`Charge ${amount}…`}
      testId="charge-again-form"
      confirm={{
        title: 'Charge the buyer again?',
        body: `${amount} for ${product}, ${period.toLowerCase()} (due ${renewal.dueOn}), with its shipping and tax. Once per period; a second press does nothing.`,
        confirmLabel: 'Charge now',
      }}
    >
      <p className="text-sm text-black/70" data-testid="charge-again-period">
        {period}, due {renewal.dueOn}: {amount}
      </p>
    </OperationBox>
  );
}

/** Operations on the charge permission, offered as its live state, the order's goods and the order's state allow. */
export function PermissionActions({ view, permission }: { view: AdminOrderView; permission: LivePermissionView }) {
  const { order, lines, renewal } = view;
  const open = permission.state !== 'Closed';
  const subscriptionLines = lines.filter((line) => line.kind === 'subscription');
  const canChargeAgain = order.isSubscription && permission.type === 'Recurring' && permission.state === 'Chargeable' && renewal;
  const canTrack = order.hasPhysicalGoods && order.trackingRefusal === null;
  const canClose = open && order.closeRefusal === null;
  if (!open && !canTrack) return null;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {canChargeAgain && (
        <ChargeAgain
          orderNumber={order.number}
          renewal={renewal}
          product={subscriptionLines.map((line) => line.name).join(', ')}
          currency={order.currency}
        />
      )}
      {canTrack && (
        <OperationBox
          title="Delivery tracking"
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
        </OperationBox>
      )}
      {open && (
        <OperationBox
          title="Merchant metadata"
          action={updateChargePermissionMetadataAction}
          orderNumber={order.number}
          submitLabel="Update metadata"
          testId="metadata-form"
        >
          {METADATA_FIELDS.map(({ name, label, maxLength }) => (
            <Field key={name} label={label} name={name}>
              <input
                id={name}
                name={name}
                maxLength={maxLength}
                defaultValue={permission.merchantMetadata[name]}
                className={inputClass}
              />
            </Field>
          ))}
        </OperationBox>
      )}
      {canClose && (
        <OperationBox
          title="Close the charge permission"
          action={closeChargePermissionAction}
          orderNumber={order.number}
          submitLabel="Close permission…"
          testId="close-form"
          variant="danger"
          confirm={{
            title: 'Close this charge permission?',
            body: 'No further charges can be made on it; with the box ticked, charges not yet captured are canceled too. This cannot be undone.',
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
        </OperationBox>
      )}
    </div>
  );
}
