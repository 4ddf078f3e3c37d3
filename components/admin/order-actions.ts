'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { chargeIdSchema, orderNumberSchema } from '@/lib/ids';
import { failure, invalidInput, type ActionResult } from '@/lib/action-result';
import { assertAdmin } from '@/lib/auth';
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

/**
 * The admin order page's payment operations. Each checks the admin role before anything
 * else (a test enumerates every export), parses its form, makes one call into
 * lib/orders/payments and returns a result for useActionState.
 */

export type OrderActionResult = ActionResult<{ message: string }>;

const orderNumber = orderNumberSchema;
const chargeId = chargeIdSchema;
const amount = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,3})?$/, 'Enter an amount such as 12.50.');
const reason = z.string().trim().min(1, 'Give a reason.').max(255, 'Keep the reason under 255 characters.');
const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters.`).optional();

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
  trackingNumber: z.string().trim().min(1, 'Enter the tracking number.').max(100, 'At most 100 characters.'),
});

function fields(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string') values[key] = value;
  return values;
}

function done(number: string, message: string, outcome?: OperationOutcome): OrderActionResult {
  revalidatePath(`/admin/orders/${number}`);
  return { ok: true, message: outcome?.replayed ? `${message} (it had been done already; nothing was sent twice)` : message };
}

export async function captureChargeAction(_previous: OrderActionResult | null, form: FormData): Promise<OrderActionResult> {
  const session = await assertAdmin();
  const parsed = amountSchema.safeParse(fields(form));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const outcome = await captureCharge(await getDb(), getAmazonPay(), { ...parsed.data, actor: session.user.email ?? 'admin' });
    return done(parsed.data.orderNumber, 'Capture sent to Amazon Pay.', outcome);
  } catch (error) {
    return failure(error, 'admin-capture');
  }
}

export async function cancelChargeAction(_previous: OrderActionResult | null, form: FormData): Promise<OrderActionResult> {
  const session = await assertAdmin();
  const parsed = cancelSchema.safeParse(fields(form));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const outcome = await cancelCharge(await getDb(), getAmazonPay(), { ...parsed.data, actor: session.user.email ?? 'admin' });
    return done(parsed.data.orderNumber, 'Charge canceled.', outcome);
  } catch (error) {
    return failure(error, 'admin-cancel');
  }
}

export async function refundChargeAction(_previous: OrderActionResult | null, form: FormData): Promise<OrderActionResult> {
  const session = await assertAdmin();
  const parsed = refundSchema.safeParse(fields(form));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const outcome = await refundCharge(await getDb(), getAmazonPay(), { ...parsed.data, actor: session.user.email ?? 'admin' });
    return done(parsed.data.orderNumber, 'Refund sent to Amazon Pay.', outcome);
  } catch (error) {
    return failure(error, 'admin-refund');
  }
}

export async function closeChargePermissionAction(
  _previous: OrderActionResult | null,
  form: FormData,
): Promise<OrderActionResult> {
  const session = await assertAdmin();
  const parsed = closeSchema.safeParse({ ...fields(form), cancelPendingCharges: form.get('cancelPendingCharges') === 'on' });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const outcome = await closeChargePermission(await getDb(), getAmazonPay(), {
      ...parsed.data,
      actor: session.user.email ?? 'admin',
    });
    return done(parsed.data.orderNumber, 'Charge permission closed.', outcome);
  } catch (error) {
    return failure(error, 'admin-close');
  }
}

export async function updateChargePermissionMetadataAction(
  _previous: OrderActionResult | null,
  form: FormData,
): Promise<OrderActionResult> {
  const session = await assertAdmin();
  const parsed = metadataSchema.safeParse(fields(form));
  if (!parsed.success) return invalidInput(parsed.error);
  const { orderNumber: number, ...merchantMetadata } = parsed.data;
  try {
    const outcome = await updateChargePermissionMetadata(await getDb(), getAmazonPay(), {
      orderNumber: number,
      merchantMetadata,
      actor: session.user.email ?? 'admin',
    });
    return done(number, 'Merchant metadata updated.', outcome);
  } catch (error) {
    return failure(error, 'admin-metadata');
  }
}

export async function chargeAgainAction(_previous: OrderActionResult | null, form: FormData): Promise<OrderActionResult> {
  const session = await assertAdmin();
  const parsed = orderSchema.safeParse(fields(form));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const outcome = await chargeAgain(await getDb(), getAmazonPay(), { ...parsed.data, actor: session.user.email ?? 'admin' });
    return done(parsed.data.orderNumber, 'Subscription charged for this month.', outcome);
  } catch (error) {
    return failure(error, 'admin-charge-again');
  }
}

export async function addDeliveryTrackingAction(_previous: OrderActionResult | null, form: FormData): Promise<OrderActionResult> {
  const session = await assertAdmin();
  const parsed = trackingSchema.safeParse(fields(form));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const outcome = await addDeliveryTracking(await getDb(), getAmazonPay(), {
      ...parsed.data,
      actor: session.user.email ?? 'admin',
    });
    return done(parsed.data.orderNumber, 'Tracking sent to Amazon Pay.', outcome);
  } catch (error) {
    return failure(error, 'admin-tracking');
  }
}

export async function refreshOrderFromAmazonAction(
  _previous: OrderActionResult | null,
  form: FormData,
): Promise<OrderActionResult> {
  await assertAdmin();
  const parsed = orderSchema.safeParse(fields(form));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const { charges, refunds } = await refreshOrderFromAmazon(await getDb(), getAmazonPay(), parsed.data.orderNumber);
    return done(parsed.data.orderNumber, `Re-read from Amazon Pay: ${charges} charge(s), ${refunds} refund(s).`);
  } catch (error) {
    return failure(error, 'admin-refresh');
  }
}
