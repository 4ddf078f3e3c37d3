import 'server-only';
import type { AmazonButtonBase } from '@/lib/amazon-pay/button-options';
import { getConfig } from '@/lib/config';
import { toAmazonPrice, type Money } from '@/lib/money';
import { checkoutScriptUrl } from '@/lib/amazon-pay/server';

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
