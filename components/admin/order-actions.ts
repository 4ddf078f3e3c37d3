'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { textInput } from '@/lib/text-input';
import { chargeIdSchema, orderNumberSchema } from '@/lib/ids';
import type { ActionResult } from '@/lib/action-result';
import { adminAction, formFields } from '@/lib/auth/admin-action';
import { getDb } from '@/lib/db';
import {
  addDeliveryTracking,
  cancelCharge,
  captureCharge,
  chargeAgain,
  closeChargePermission,
  refreshOrderFromAmazon,
  refundCharge,
  updateChargePermissionMetadata,
  type OperationOutcome,
} from '@/lib/orders/payments/operations';
import { getAmazonPay } from '@/lib/amazon-pay/server';
import { markOrderDelivered } from '@/lib/orders/fulfilment';

/**
 * The admin order page's payment operations, each one call into lib/orders/payments
 * through the admin-action wrapper (admin check, form parsing, error words).
 */

export type OrderActionResult = ActionResult<{ message: string }>;

const orderNumber = orderNumberSchema;
const chargeId = chargeIdSchema;
const amount = textInput(32)
  .trim()
  .regex(/^\d{1,9}(\.\d{1,3})?$/, 'Enter an amount such as 12.50.');
const reason = textInput(255, 'Keep the reason under 255 characters.').trim().min(1, 'Give a reason.');
const optionalText = (max: number) => textInput(max).trim().optional();

const amountSchema = z.object({ orderNumber, chargeId, amount });
const refundSchema = amountSchema.extend({ refundsSeen: z.coerce.number().int().min(0).max(10_000) });
const cancelSchema = z.object({ orderNumber, chargeId, reason });
const closeSchema = z.object({ orderNumber, reason, cancelPendingCharges: z.boolean() });
const orderSchema = z.object({ orderNumber });
const metadataSchema = z.object({
  orderNumber,
  merchantReferenceId: optionalText(256),
  merchantStoreName: optionalText(50),
  noteToBuyer: optionalText(255),
  customInformation: optionalText(4096),
});
const trackingSchema = z.object({
  orderNumber,
  carrierCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,50}$/, 'Enter the carrier code, e.g. UPS.'),
  trackingNumber: textInput(100).trim().min(1, 'Enter the tracking number.'),
});

/** One payment operation on one order: its message on success, and the order page re-rendered. */
function orderAction<S extends z.ZodType<{ orderNumber: string }>>(
  context: string,
  schema: S,
  operate: (input: z.output<S>, actor: string) => Promise<string>,
  input?: (form: FormData) => unknown,
) {
  return adminAction({
    context,
    schema,
    input,
    amazonPay: 'brief',
    run: async (data: z.output<S>, session) => {
      const message = await operate(data, session.user.email ?? 'admin');
      revalidatePath(`/admin/orders/${data.orderNumber}`);
      return { message };
    },
  });
}

function said(message: string, outcome: OperationOutcome): string {
  return outcome.replayed ? `${message} (it had been done already; nothing was sent twice)` : message;
}

export const captureChargeAction = orderAction('admin-capture', amountSchema, async (input, actor) =>
  said('Capture sent to Amazon Pay.', await captureCharge(await getDb(), getAmazonPay(), { ...input, actor })),
);

export const cancelChargeAction = orderAction('admin-cancel', cancelSchema, async (input, actor) =>
  said('Charge canceled.', await cancelCharge(await getDb(), getAmazonPay(), { ...input, actor })),
);

export const refundChargeAction = orderAction('admin-refund', refundSchema, async (input, actor) =>
  said('Refund sent to Amazon Pay.', await refundCharge(await getDb(), getAmazonPay(), { ...input, actor })),
);

export const closeChargePermissionAction = orderAction(
  'admin-close',
  closeSchema,
  async (input, actor) =>
    said('Charge permission closed.', await closeChargePermission(await getDb(), getAmazonPay(), { ...input, actor })),
  (form) => ({ ...formFields(form), cancelPendingCharges: form.get('cancelPendingCharges') === 'on' }),
);

export const updateChargePermissionMetadataAction = orderAction(
  'admin-metadata',
  metadataSchema,
  async ({ orderNumber, ...merchantMetadata }, actor) =>
    said(
      'Merchant metadata updated.',
      await updateChargePermissionMetadata(await getDb(), getAmazonPay(), { orderNumber, merchantMetadata, actor }),
    ),
);

export const chargeAgainAction = orderAction('admin-charge-again', orderSchema, async (input, actor) =>
  said('Subscription charged for this month.', await chargeAgain(await getDb(), getAmazonPay(), { ...input, actor })),
);

export const addDeliveryTrackingAction = orderAction('admin-tracking', trackingSchema, async (input, actor) =>
  said('Tracking sent to Amazon Pay.', await addDeliveryTracking(await getDb(), getAmazonPay(), { ...input, actor })),
);

export const markDeliveredAction = orderAction('admin-delivered', orderSchema, async (input) =>
  (await markOrderDelivered(await getDb(), input)).changed ? 'Marked delivered.' : 'It was marked delivered already.',
);

export const refreshOrderFromAmazonAction = orderAction('admin-refresh', orderSchema, async ({ orderNumber }) => {
  const { charges, refunds } = await refreshOrderFromAmazon(await getDb(), getAmazonPay(), orderNumber);
  return `Re-read from Amazon Pay: ${charges} charge(s), ${refunds} refund(s).`;
});
