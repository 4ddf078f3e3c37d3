import { buttonOperations } from './button';
import { resolveConfig, type AmazonPayConfig } from './config';
import { checkoutSessionOperations } from './operations/checkout-sessions';
import { operationsReturning } from './operations/define';
import { merchantOperations } from './operations/merchant';
import { paymentOperations } from './operations/payments';
import { reportOperations } from './operations/reports';
import { createSigner, parsePrivateKey } from './signer';
import { createTransport } from './transport';

/**
 * Our typed Amazon Pay Checkout v2 client. Method names follow the official Node
 * SDK; the operation list is the .NET SDK README's (https://github.com/amzn/amazon-pay-api-sdk-dotnet).
 */
export function createAmazonPayClient(input: AmazonPayConfig) {
  const config = resolveConfig(input);
  const signer = createSigner(parsePrivateKey(config.privateKey), config.algorithm);
  const returning = operationsReturning(createTransport(config, signer));
  return {
    publicKeyId: config.publicKeyId,
    algorithm: config.algorithm,
    region: config.region,
    ...checkoutSessionOperations(returning),
    ...paymentOperations(returning),
    ...merchantOperations(returning),
    ...reportOperations(returning),
    ...buttonOperations(signer, config.publicKeyId),
  };
}

export type AmazonPayClient = ReturnType<typeof createAmazonPayClient>;
