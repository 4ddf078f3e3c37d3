import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { checkoutSessionIdSchema, orderNumberSchema } from '@/lib/ids';
import { failure } from '@/lib/action-result';
import { AddressCheckoutMismatchError } from '@/lib/checkout/apb-return';
import { completeShopperAddressCheckout } from '@/lib/checkout/apb-shopper';
import { completeShopperCheckout } from '@/lib/checkout/shopper-checkout';
import { NotFoundError } from '@/lib/errors';
import { inRequestScope } from '@/lib/request-log';
import { appOrigin } from '@/lib/request-origin';
import { isSpeculativeRequest, speculativeRequestResponse } from '@/lib/speculative-request';

const querySchema = z.object({
  amazonCheckoutSessionId: checkoutSessionIdSchema,
  /** Set by "Check out with your address": the order its button was signed for (see addressResultUrl). */
  order: orderNumberSchema.optional(),
});

/**
 * checkoutResultReturnUrl: the shopper is back from Amazon. A route handler, not a page,
 * because it completes the payment, and a page may be prefetched. The browser's shopper
 * cookie is the authorization: only the browser that placed the order can complete it.
 */
export async function GET(request: NextRequest): Promise<Response> {
  // A prefetch, an RSC fetch or a link preview is not the shopper arriving from Amazon.
  if (isSpeculativeRequest(request.headers)) return speculativeRequestResponse();
  return inRequestScope(request, () => complete(request));
}

async function complete(request: NextRequest): Promise<NextResponse> {
  const origin = await appOrigin();
  // Redirects are built on the shop's public origin, never on the URL Next reports for the request.
  const to = (path: string) => NextResponse.redirect(new URL(path, origin), 303);
  const parsed = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return to('/cart?payment=InvalidLink');
  try {
    const { amazonCheckoutSessionId, order } = parsed.data;
    const outcome = order
      ? await completeShopperAddressCheckout(order, amazonCheckoutSessionId)
      : await completeShopperCheckout(amazonCheckoutSessionId);
    if (outcome.kind === 'failed') return to(`/cart?${new URLSearchParams({ payment: outcome.reasonCode })}`);
    return to(`/orders/${outcome.orderNumber}`);
  } catch (error) {
    if (error instanceof NotFoundError) return to('/cart?payment=OrderNotFound');
    if (error instanceof AddressCheckoutMismatchError) return to('/cart?payment=CheckoutChanged');
    failure(error, 'checkout.result');
    return to('/cart?payment=ServiceUnavailable');
  }
}
