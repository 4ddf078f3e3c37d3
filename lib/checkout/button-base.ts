import 'server-only';
import type { AmazonButtonBase } from '@/components/checkout/button-options';
import { getConfig } from '@/lib/config';
import { toAmazonPrice, type Money } from '@/lib/money';
import { checkoutScriptUrl } from '@/lib/payments/amazon-pay';

export function amazonButtonBase(
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
