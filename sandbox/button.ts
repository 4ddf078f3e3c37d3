import { z } from 'zod';
import { buildButtonStringToSign, isSignatureAlgorithm, verifySignature } from '@/lib/amazon-pay/signing';
import type { SandboxContext } from './context';
import { SandboxHttpError } from './http';
import { CHECKOUT_SCOPES, createCheckoutSessionSchema, parseBody } from './schemas';
import { createCheckoutSession } from './state/checkout-session';
import { ids } from './state/store';

/**
 * What checkout.js sends when the buyer clicks the button. Amazon creates the
 * Checkout Session from the signed payloadJSON itself
 * (https://developer.amazon.com/docs/amazon-pay-checkout/add-the-amazon-pay-button.html), so the
 * signature is checked here, byte for byte, against the registered public key.
 */
export const buttonStartSchema = z.object({
  kind: z.enum(['checkout', 'signin']),
  merchantId: z.string().min(1),
  ledgerCurrency: z.enum(['USD', 'EUR', 'GBP', 'JPY']),
  productType: z.string().optional(),
  config: z.object({
    payloadJSON: z.string().min(1),
    signature: z.string().min(1),
    publicKeyId: z.string().min(1),
    algorithm: z.string().optional(),
  }),
});
export type ButtonStart = z.infer<typeof buttonStartSchema>;

/** The Sign-In payload (.NET SignInRequest.cs), as strict as an API body: an unknown field is UnrecognizedField. */
const signInPayloadSchema = z.strictObject({
  signInReturnUrl: z.string().url(),
  storeId: z.string().min(1),
  signInScopes: z.array(z.enum(CHECKOUT_SCOPES)).optional(),
});

/** The button's own error names (e.g. InvalidSignatureError). */
export class ButtonError extends SandboxHttpError {}

export function verifyButtonConfig(ctx: SandboxContext, config: ButtonStart['config']): void {
  // The SDKs default to the legacy name when none is configured; the button must be told the same.
  const algorithm = config.algorithm ?? 'AMZN-PAY-RSASSA-PSS';
  if (!isSignatureAlgorithm(algorithm)) throw new ButtonError(400, 'InvalidParameterError', `Unknown algorithm ${algorithm}.`);
  const key = ctx.keys.get(config.publicKeyId);
  if (!key) throw new ButtonError(400, 'InvalidPublicKeyIdError', `The publicKeyId ${config.publicKeyId} is not registered.`);
  if (!verifySignature(key, algorithm, buildButtonStringToSign(algorithm, config.payloadJSON), config.signature)) {
    throw new ButtonError(
      400,
      'InvalidSignatureError',
      'The signature of payloadJSON does not verify. Sign exactly the payloadJSON string given to the button, with the same algorithm.',
    );
  }
}

function parsePayload(payloadJSON: string): unknown {
  try {
    return JSON.parse(payloadJSON) as unknown;
  } catch {
    throw new ButtonError(400, 'InvalidPayloadError', 'payloadJSON is not valid JSON.');
  }
}

/** Returns where checkout.js should send the buyer next. */
export function startFromButton(ctx: SandboxContext, input: ButtonStart): string {
  verifyButtonConfig(ctx, input.config);
  const payload = parsePayload(input.config.payloadJSON);
  if (input.kind === 'signin') {
    const signIn = parseBody(signInPayloadSchema, payload);
    const token = ids.token();
    ctx.store.signIns.set(token, {
      signInReturnUrl: signIn.signInReturnUrl,
      storeId: signIn.storeId,
      scopes: signIn.signInScopes ?? [],
    });
    return `${ctx.publicBaseUrl()}/signin?token=${token}`;
  }
  const session = createCheckoutSession(ctx.store, parseBody(createCheckoutSessionSchema, payload), input.productType);
  return `${ctx.publicBaseUrl()}/checkout/signin?amazonCheckoutSessionId=${session.id}`;
}
