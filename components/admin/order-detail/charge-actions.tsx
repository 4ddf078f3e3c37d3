'use client';

import { cancelChargeAction, captureChargeAction, refundChargeAction } from '@/components/admin/order-actions';
import { currencyExponent, isCurrencyCode } from '@/lib/money';
import type { LiveChargeView } from '@/lib/orders/admin/order-view-types';
import { decimalOf, formatDecimalInput, formatMinor } from './format';
import { Field, inputClass, OperationForm } from './operation-form';

function step(currency: string): string {
  return isCurrencyCode(currency) ? String(10 ** -currencyExponent(currency)) : '1';
}

/** An amount field in the charge's currency: whole minor units only, never above `maxMinor`. */
function AmountInput({
  id,
  currency,
  maxMinor,
  defaultMinor,
}: {
  id: string;
  currency: string;
  maxMinor: number;
  defaultMinor?: number;
}) {
  return (
    <input
      id={id}
      name="amount"
      type="number"
      inputMode="decimal"
      min={step(currency)}
      step={step(currency)}
      max={decimalOf(maxMinor, currency)}
      defaultValue={defaultMinor === undefined ? undefined : decimalOf(defaultMinor, currency)}
      required
      className={inputClass}
    />
  );
}

/** The operations Amazon's live state allows on one charge: capture and cancel while authorized, refund once captured. */
export function ChargeActions({
  charge,
  orderNumber,
  currency,
}: {
  charge: LiveChargeView;
  orderNumber: string;
  currency: string;
}) {
  const canCapture = charge.state === 'Authorized';
  const canCancel = charge.state === 'Authorized' || charge.state === 'AuthorizationInitiated';
  const canRefund = charge.state === 'Captured' && charge.refundable > 0;
  if (!canCapture && !canCancel && !canRefund)
    return <p className="text-sm text-ink-muted">No operations are possible on this charge in its current state.</p>;
  // Every form names the order and the charge it acts on.
  const target = { orderNumber, hidden: { chargeId: charge.chargeId } };
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {canCapture && (
        <OperationForm
          {...target}
          action={captureChargeAction}
          submitLabel="Capture…"
          testId="capture-form"
          confirm={{
            title: (form) => `Capture ${formatDecimalInput(form.get('amount'), currency)} from the buyer?`,
            // Amazon captures a Charge once (https://developer.amazon.com/docs/amazon-pay-api-v2/charge.html#capture-charge).
            body: (form) =>
              `The buyer is charged ${formatDecimalInput(form.get('amount'), currency)} now. A charge is captured only once: whatever is left of the ${formatMinor(charge.authorized, currency)} authorized cannot be captured afterwards.`,
            confirmLabel: 'Capture the payment',
          }}
        >
          <Field
            label="Amount to capture"
            name={`capture-${charge.chargeId}`}
            hint={`up to ${formatMinor(charge.authorized, currency)} authorized`}
          >
            <AmountInput
              id={`capture-${charge.chargeId}`}
              currency={currency}
              maxMinor={charge.authorized}
              defaultMinor={charge.authorized}
            />
          </Field>
        </OperationForm>
      )}
      {canCancel && (
        <OperationForm
          {...target}
          action={cancelChargeAction}
          submitLabel="Cancel charge…"
          testId="cancel-form"
          variant="danger"
          confirm={{
            title: `Cancel the ${formatMinor(charge.authorized, currency)} charge?`,
            body: `The ${formatMinor(charge.authorized, currency)} held on the buyer's payment method is released: the buyer is not charged, and this charge can never be captured. This cannot be undone.`,
            confirmLabel: 'Cancel the charge',
          }}
        >
          <Field label="Reason for canceling" name={`cancel-${charge.chargeId}`}>
            <input id={`cancel-${charge.chargeId}`} name="reason" maxLength={255} required className={inputClass} />
          </Field>
        </OperationForm>
      )}
      {canRefund && (
        <OperationForm
          {...target}
          action={refundChargeAction}
          // The refunds this page shows: a double submit sends the same count and so the same key.
          hidden={{ ...target.hidden, refundsSeen: String(charge.refunds.length) }}
          submitLabel="Refund…"
          testId="refund-form"
          variant="danger"
          confirm={{
            title: (form) => `Refund ${formatDecimalInput(form.get('amount'), currency)} to the buyer?`,
            body: (form) =>
              `${formatDecimalInput(form.get('amount'), currency)} goes back to the buyer's payment method, and you no longer have it. A refund cannot be undone.`,
            confirmLabel: 'Send the refund',
          }}
        >
          <Field
            label="Amount to refund"
            name={`refund-${charge.chargeId}`}
            hint={`${formatMinor(charge.refundable, currency)} left to refund`}
          >
            <AmountInput id={`refund-${charge.chargeId}`} currency={currency} maxMinor={charge.refundable} />
          </Field>
        </OperationForm>
      )}
    </div>
  );
}
