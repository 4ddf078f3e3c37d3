import { eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { orderLines, orders } from '@/lib/db/schema';
import { usd, type Harness } from '@/test/sandbox-harness';
import { recordCharge, syncChargePermission } from '@/lib/orders/payments/sync';

/**
 * Test-only: an order placed through the in-process sandbox and recorded the way
 * checkout records it, ready for admin operations.
 */

export interface PlacedTestOrder {
  number: string;
  orderId: string;
  chargePermissionId: string;
  chargeId: string;
}

interface TestLine {
  slug: string;
  kind: 'physical' | 'digital' | 'subscription';
  unitPrice: number;
  quantity: number;
}

export async function placeTestOrder(db: Database, h: Harness, lines: TestLine[], shipping = 0): Promise<PlacedTestOrder> {
  const subtotal = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  const total = subtotal + shipping;
  const recurring = lines.some((line) => line.kind === 'subscription');
  const amount = usd((total / 100).toFixed(2));

  const created = await h.client.createCheckoutSession({
    storeId: 'amzn1.application-oa2-client.integration',
    webCheckoutDetails: { checkoutReviewReturnUrl: 'https://shop.test/checkout/review' },
    ...(recurring
      ? {
          chargePermissionType: 'Recurring' as const,
          recurringMetadata: { frequency: { unit: 'Month' as const, value: 1 }, amount },
        }
      : {}),
  });
  const sessionId = created.checkoutSessionId;
  await h.control('POST', `checkout-sessions/${sessionId}/buyer`, { buyer: 'jane', card: '1111' });
  const updated = await h.client.updateCheckoutSession(sessionId, {
    webCheckoutDetails: { checkoutResultReturnUrl: 'https://shop.test/checkout/result' },
    paymentDetails: { paymentIntent: 'Authorize', canHandlePendingAuthorization: true, chargeAmount: amount },
  });
  const redirectUrl = updated.webCheckoutDetails?.amazonPayRedirectUrl;
  if (!redirectUrl) throw new Error(`no amazonPayRedirectUrl: ${JSON.stringify(updated.constraints)}`);
  await h.page(redirectUrl);

  const [order] = await db
    .insert(orders)
    .values({
      status: 'pending',
      paymentState: 'none',
      currency: 'USD',
      subtotalAmount: subtotal,
      shippingAmount: shipping,
      taxAmount: 0,
      totalAmount: total,
      buyerName: 'Jane Doe',
      buyerEmail: 'jane@example.com',
      checkoutSessionId: sessionId,
      fulfilment: recurring ? 'subscription' : 'physical',
      paymentIntent: 'Authorize',
      chargePermissionType: recurring ? 'Recurring' : 'OneTime',
    })
    .returning();
  if (!order) throw new Error('order insert failed');
  await db.insert(orderLines).values(
    lines.map((line) => ({
      orderId: order.id,
      productSlug: line.slug,
      productName: line.slug,
      kind: line.kind,
      unitPriceAmount: line.unitPrice,
      quantity: line.quantity,
      lineTotalAmount: line.unitPrice * line.quantity,
    })),
  );

  const session = await h.client.completeCheckoutSession(sessionId, { chargeAmount: amount, totalOrderAmount: amount });
  const chargePermissionId = session.chargePermissionId ?? '';
  const chargeId = session.chargeId ?? '';
  await db.update(orders).set({ chargePermissionId }).where(eq(orders.id, order.id));
  await recordCharge(db, await h.client.getCharge(chargeId), 'shopper');
  await syncChargePermission(db, h.client, chargePermissionId, 'shopper');
  return { number: order.number, orderId: order.id, chargePermissionId, chargeId };
}
