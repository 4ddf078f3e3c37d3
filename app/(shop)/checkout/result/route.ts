import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { checkoutSessionIdSchema } from '@/lib/ids';
import { failure } from '@/lib/action-result';
import { completeShopperCheckout } from '@/lib/checkout/shopper-checkout';
import { NotFoundError } from '@/lib/errors';
import { inRequestScope } from '@/lib/request-log';

const querySchema = z.object({ amazonCheckoutSessionId: checkoutSessionIdSchema });

/**
 * checkoutResultReturnUrl: the shopper is back from Amazon. A route handler, not a page,
 * because it completes the payment, and a page may be prefetched. The browser's shopper
 * cookie is the authorization: only the browser that placed the order can complete it.
 */
export function GET(request: NextRequest): Promise<NextResponse> {
  return inRequestScope(request, () => complete(request));
}

async function complete(request: NextRequest): Promise<NextResponse> {
  const parsed = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  const cartUrl = (params: Record<string, string>) => new URL(`/cart?${new URLSearchParams(params)}`, request.url);
  if (!parsed.success) return NextResponse.redirect(cartUrl({ payment: 'InvalidLink' }), 303);
  const { amazonCheckoutSessionId } = parsed.data;
  try {
    const outcome = await completeShopperCheckout(amazonCheckoutSessionId);
    if (outcome.kind === 'placed') return NextResponse.redirect(new URL(`/orders/${outcome.orderNumber}`, request.url), 303);
    return NextResponse.redirect(cartUrl({ payment: outcome.reasonCode }), 303);
  } catch (error) {
    if (error instanceof NotFoundError) return NextResponse.redirect(cartUrl({ payment: 'OrderNotFound' }), 303);
    failure(error, 'checkout.result');
    // The order stays pending; completing again with the same idempotency key is safe.
    return NextResponse.redirect(cartUrl({ payment: 'ServiceUnavailable', retry: amazonCheckoutSessionId }), 303);
  }
}
