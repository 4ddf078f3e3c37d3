import type { Signer } from './signer';
import { buildButtonStringToSign, type SignatureAlgorithm } from './signing';

/**
 * What checkout.js takes as createCheckoutSessionConfig or signInConfig
 * (https://developer.amazon.com/docs/amazon-pay-checkout/amazon-pay-script.html).
 */
export interface ButtonConfig {
  payloadJSON: string;
  signature: string;
  publicKeyId: string;
  /**
   * Must equal the signing algorithm, or the button answers InvalidSignatureError
   * (https://github.com/amzn/amazon-pay-api-sdk-php/releases/tag/2.3.0).
   */
  algorithm: SignatureAlgorithm;
}

/**
 * A string is signed byte for byte; an object is JSON.stringify'd once, and that
 * exact string is what the button must receive
 * (https://github.com/amzn/amazon-pay-api-sdk-php/issues/48).
 */
export function toPayloadJSON(payload: string | object): string {
  return typeof payload === 'string' ? payload : JSON.stringify(payload);
}

export function buttonOperations(signer: Signer, publicKeyId: string) {
  const generateButtonSignature = (payload: string | object): Promise<string> =>
    signer.sign(buildButtonStringToSign(signer.algorithm, toPayloadJSON(payload)));

  const generateButtonConfig = async (payload: string | object): Promise<ButtonConfig> => {
    const payloadJSON = toPayloadJSON(payload);
    const signature = await generateButtonSignature(payloadJSON);
    return { payloadJSON, signature, publicKeyId, algorithm: signer.algorithm };
  };

  return { generateButtonSignature, generateButtonConfig };
}
