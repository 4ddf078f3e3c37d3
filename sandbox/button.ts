import { z } from 'zod';
import { buildButtonStringToSign, isSignatureAlgorithm, verifySignature } from '@/lib/amazon-pay/signing';
import type { SandboxContext } from './context';
import { missingField, SandboxHttpError } from './http';
import { CHECKOUT_LANGUAGES, defaultLanguageFor, LANGUAGES_BY_LEDGER_CURRENCY } from './locales';
import { CHECKOUT_SCOPES, createCheckoutSessionSchema, parseBody, priceSchema, toMoney } from './schemas';
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
  checkoutLanguage: z.enum(CHECKOUT_LANGUAGES).optional(),
  estimatedOrderAmount: priceSchema.optional(),
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
  // An environment-specific key names its environment (https://developer.amazon.com/docs/amazon-pay-checkout/amazon-pay-script.html);
  // a LIVE- key would take the buyer to Amazon's live checkout, which this sandbox is not.
  if (/^LIVE-/i.test(config.publicKeyId))
    throw new ButtonError(
      400,
      'InvalidPublicKeyIdError',
      `The publicKeyId ${config.publicKeyId} is a live key; use a SANDBOX- key.`,
    );
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

type CheckoutPayload = ReturnType<typeof createCheckoutSessionSchema.parse>;

/**
 * The additional payment button (https://developer.amazon.com/docs/amazon-pay-apb-checkout/additional-payment-button-overview.html):
 * with checkoutMode ProcessOrder the buyer pays on Amazon's page and goes straight to
 * checkoutResultReturnUrl, so the payload must already carry the payment details, and
 * for physical goods the address the buyer gave the merchant (addressDetails). "Providing
 * addressDetails for digital goods transactions will result in an error"; Amazon does not
 * say which, so the sandbox answers InvalidParameterCombination.
 */
function checkProcessOrder(payload: CheckoutPayload, productType: string): void {
  if (payload.webCheckoutDetails?.checkoutMode !== 'ProcessOrder') return;
  if (!payload.webCheckoutDetails.checkoutResultReturnUrl) throw missingField('webCheckoutDetails.checkoutResultReturnUrl');
  if (!payload.paymentDetails?.paymentIntent) throw missingField('paymentDetails.paymentIntent');
  if (!payload.paymentDetails.chargeAmount) throw missingField('paymentDetails.chargeAmount');
  if (productType === 'PayOnly' && payload.addressDetails)
    throw new SandboxHttpError(400, 'InvalidParameterCombination', 'addressDetails cannot be used with productType PayOnly.');
  if (productType !== 'PayOnly' && !payload.addressDetails) throw missingField('addressDetails');
  for (const field of ['name', 'addressLine1', 'countryCode'] as const) {
    if (payload.addressDetails && !payload.addressDetails[field]) throw missingField(`addressDetails.${field}`);
  }
}

function languageOf(input: ButtonStart) {
  const language = input.checkoutLanguage ?? defaultLanguageFor(input.ledgerCurrency);
  // Which languages a merchant may use depends on the ledger currency's region (amazon-pay-script.html).
  if (!LANGUAGES_BY_LEDGER_CURRENCY[input.ledgerCurrency]?.includes(language))
    throw new ButtonError(
      400,
      'InvalidParameterError',
      `checkoutLanguage ${language} is not supported for ledgerCurrency ${input.ledgerCurrency}.`,
    );
  return language;
}

/** Returns where checkout.js should send the buyer next. */
export function startFromButton(ctx: SandboxContext, input: ButtonStart): string {
  verifyButtonConfig(ctx, input.config);
  const payload = parsePayload(input.config.payloadJSON);
  const checkoutLanguage = languageOf(input);
  if (input.kind === 'signin') {
    const signIn = parseBody(signInPayloadSchema, payload);
    const token = ids.token();
    ctx.store.signIns.set(token, {
      signInReturnUrl: signIn.signInReturnUrl,
      storeId: signIn.storeId,
      scopes: signIn.signInScopes ?? [],
      checkoutLanguage,
    });
    return `${ctx.publicBaseUrl()}/signin?token=${token}`;
  }
  const parsed = parseBody(createCheckoutSessionSchema, payload);
  // productType is a button option (renderButton or initCheckout), never part of the payload.
  const productType = input.productType ?? 'PayAndShip';
  checkProcessOrder(parsed, productType);
  const session = createCheckoutSession(ctx.store, parsed, productType);
  session.checkoutLanguage = checkoutLanguage;
  if (input.estimatedOrderAmount) session.estimatedOrderAmount = toMoney(input.estimatedOrderAmount, 'estimatedOrderAmount');
  return `${ctx.publicBaseUrl()}/checkout/signin?amazonCheckoutSessionId=${session.id}`;
}
