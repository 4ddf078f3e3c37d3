import 'server-only';
import type { AmazonButtonBase, SignedButtonConfig } from '@/lib/amazon-pay/button-options';
import { getCurrentCart } from '@/lib/cart';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { getAmazonPay } from '@/lib/amazon-pay/server';
import { money } from '@/lib/money';
import { signingOrigin } from '@/lib/request-origin';
import { addressDetailsOf, shippingAddressOf, type AddressForm } from './apb-address';
import { placeAddressOrder, quoteAddressCheckout, type AddressQuote } from './apb-checkout';
import { addressResultUrl, linkAddressCheckout } from './apb-return';
import { addressButtonBase } from './button-base';
import { buildProcessOrderPayload, paymentIntentFor } from './button-payload';
import type { CompletionOutcome } from './complete';
import { CHECKOUT_CANCEL_PATH } from './return-paths';
import { completeShopperCheckout } from './shopper-checkout';
import { currentShopperTokenHash, requireShopperTokenHash } from './shopper-token';

/** This browser's cart priced for the address it entered, with the button that pays that total. */
export async function priceShopperAddress(form: AddressForm): Promise<AddressQuote & { button: AmazonButtonBase }> {
  const quote = quoteAddressCheckout(await getCurrentCart(), shippingAddressOf(form), {
    shippingMethod: form.shippingMethod,
    shipToCountries: getConfig().store.shipToCountries,
  });
  return { ...quote, button: addressButtonBase(quote.totals.total) };
}

/**
 * The button's click: writes the order for the totals the shopper saw (refusing, changing
 * nothing, if the cart or its prices moved since), then signs the ProcessOrder payload for
 * exactly that order.
 */
export async function signShopperAddressButton(form: AddressForm, confirmedSnapshot: string): Promise<SignedButtonConfig> {
  const origin = await signingOrigin();
  const shopperTokenHash = await requireShopperTokenHash();
  const config = getConfig();
  const address = shippingAddressOf(form);
  const order = await placeAddressOrder(await getDb(), {
    cart: await getCurrentCart(),
    address,
    shippingMethod: form.shippingMethod,
    shipToCountries: config.store.shipToCountries,
    shopperTokenHash,
    confirmedSnapshot,
  });
  const payload = buildProcessOrderPayload({
    storeId: config.amazonPay.storeId,
    storeName: config.store.name,
    resultUrl: addressResultUrl(origin, order.number, shopperTokenHash),
    cancelUrl: `${origin}${CHECKOUT_CANCEL_PATH}`,
    orderNumber: order.number,
    paymentIntent: paymentIntentFor(order.fulfilment),
    total: money(order.totalAmount, order.currency),
    addressDetails: addressDetailsOf(address),
  });
  return getAmazonPay().generateButtonConfig(payload);
}

/** Back from Amazon: ties the session to the order its click wrote, then completes it as the express checkout does. */
export async function completeShopperAddressCheckout(orderNumber: string, checkoutSessionId: string): Promise<CompletionOutcome> {
  await linkAddressCheckout(await getDb(), getAmazonPay(), {
    orderNumber,
    checkoutSessionId,
    shopperTokenHash: await currentShopperTokenHash(),
  });
  return completeShopperCheckout(checkoutSessionId);
}
