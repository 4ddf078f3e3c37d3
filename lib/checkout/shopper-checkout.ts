import 'server-only';
import { getCheckoutCart } from '@/lib/cart';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { getAmazonPay } from '@/lib/amazon-pay/server';
import { enqueueOrderFinish } from '@/lib/jobs';
import { signingOrigin } from '@/lib/request-origin';
import { completeCheckout, type CompletionOutcome } from './complete';
import { placeOrder, type PlacedOrder } from './place-order';
import type { ShippingMethod } from './pricing';
import { currentShopperTokenHash, requireShopperTokenHash } from './shopper-token';

/**
 * placeOrder for this browser's cart (or the checkout's own "buy now" cart) and shopper cookie;
 * refuses, changing nothing, when the cookie is missing.
 */
export async function placeShopperOrder(input: {
  checkoutSessionId: string;
  shippingMethod: ShippingMethod;
  confirmedSnapshot: string;
  buyNowCartId?: string | undefined;
}): Promise<PlacedOrder> {
  const cart = await getCheckoutCart(input.buyNowCartId);
  const config = getConfig();
  return placeOrder(await getDb(), getAmazonPay(), {
    cart,
    checkoutSessionId: input.checkoutSessionId,
    shippingMethod: input.shippingMethod,
    shipToCountries: config.store.shipToCountries,
    storeName: config.store.name,
    resultUrl: `${await signingOrigin()}/checkout/result`,
    shopperTokenHash: await requireShopperTokenHash(),
    confirmedSnapshot: input.confirmedSnapshot,
  });
}

/** completeCheckout for this browser: its shopper cookie is the authorization. */
export async function completeShopperCheckout(checkoutSessionId: string): Promise<CompletionOutcome> {
  return completeCheckout(
    await getDb(),
    getAmazonPay(),
    { checkoutSessionId, shopperTokenHash: await currentShopperTokenHash() },
    { followUp: enqueueOrderFinish },
  );
}
