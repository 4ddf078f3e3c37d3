import 'server-only';
import type { AmazonButtonBase } from '@/lib/amazon-pay/button-options';
import type { Cart } from '@/lib/cart/cart';
import type { Product } from '@/lib/catalog/types';
import { getConfig } from '@/lib/config';
import { addMoney, toAmazonPrice, type Money } from '@/lib/money';
import { checkoutScriptUrl } from '@/lib/amazon-pay/server';
import { fulfilmentOf, productTypeFor } from './button-payload';

function amazonButtonBase(
  placement: AmazonButtonBase['placement'],
  productType: AmazonButtonBase['productType'],
  estimatedOrderAmount?: Money,
): AmazonButtonBase {
  const { amazonPay } = getConfig();
  return {
    scriptUrl: checkoutScriptUrl(),
    merchantId: amazonPay.merchantId,
    ledgerCurrency: amazonPay.ledgerCurrency,
    sandbox: amazonPay.sandbox,
    checkoutLanguage: amazonPay.checkoutLanguage,
    productType,
    placement,
    ...(estimatedOrderAmount ? { estimatedOrderAmount: toAmazonPrice(estimatedOrderAmount) } : {}),
  };
}

/**
 * A subscription's payload carries recurringMetadata, and such a button is rendered without
 * estimatedOrderAmount, as Amazon's Magento plugin does (view/frontend/web/js/amazon-button.js,
 * https://github.com/amzn/amazon-payments-magento-2-plugin).
 */
function estimateFor(lines: readonly { kind: Product['kind'] }[], estimate: Money): Money | undefined {
  return fulfilmentOf(lines) === 'subscription' ? undefined : estimate;
}

/** The cart page's button, estimated at the cart's subtotal plus standard shipping. */
export function cartButtonBase(cart: Cart): AmazonButtonBase {
  const lines = cart.lines.map((line) => ({ kind: line.product.kind }));
  return amazonButtonBase('Cart', productTypeFor(lines), estimateFor(lines, addMoney(cart.subtotal, cart.estimatedShipping)));
}

/** "Buy now" on a product page. */
export function productButtonBase(product: Product): AmazonButtonBase {
  return amazonButtonBase('Product', productTypeFor([product]), estimateFor([product], product.price));
}

export function signInButtonBase(): AmazonButtonBase {
  return amazonButtonBase('Other', 'SignIn');
}

/** The additional payment button under the totals of "Check out with your address". */
export function addressButtonBase(total: Money): AmazonButtonBase {
  return amazonButtonBase('Checkout', 'PayAndShip', total);
}
