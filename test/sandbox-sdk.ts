import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { vi } from 'vitest';
import { createSandbox, type Sandbox, type SandboxOptions } from '@/sandbox/sandbox';
import { newRsaKeyPair } from './keys';

/**
 * Helpers for the sandbox's own tests: requests are signed by the official Node
 * SDK's clientHelper.js (https://github.com/amzn/amazon-pay-api-sdk-nodejs), then fed
 * to the core, so the emulator is held to what the official SDK sends.
 */
interface SdkConfig {
  publicKeyId: string;
  privateKey: string;
  region: string;
  sandbox: boolean;
  algorithm?: string;
}

interface SdkOptions {
  method: string;
  urlFragment: string;
  payload?: unknown;
  headers?: Record<string, string>;
  queryParams?: Record<string, string>;
}

interface ClientHelper {
  prepareOptions(config: SdkConfig, options: SdkOptions): SdkOptions & { payload: string | undefined };
  signHeaders(config: SdkConfig, options: SdkOptions): Record<string, string>;
  signPayload(config: SdkConfig, payload: unknown): string;
}

const require = createRequire(import.meta.url);
export const clientHelper = require('@amazonpay/amazon-pay-api-sdk-nodejs/src/clientHelper.js') as ClientHelper;

export function generateKeys(): { publicKey: string; privateKey: string } {
  const { publicKeyPem, privateKeyPem } = newRsaKeyPair();
  return { publicKey: publicKeyPem, privateKey: privateKeyPem };
}

export const KEYS = generateKeys();
export const KEY_ID = 'SANDBOX-AFVX7ULWSGBZ5535PCUQOY7B';
export const PLAIN_KEY_ID = 'AHEGSJCM3L2S637RBGABLAFW';
export const START = Date.UTC(2026, 0, 15, 12, 0, 0);

export function newSandbox(options: SandboxOptions = {}): Sandbox {
  return createSandbox({
    frozenClock: true,
    start: START,
    publicBaseUrl: 'http://sandbox.test',
    keys: [
      { publicKeyId: KEY_ID, publicKey: KEYS.publicKey },
      { publicKeyId: PLAIN_KEY_ID, publicKey: KEYS.publicKey },
    ],
    ...options,
  });
}

/** The SDK's own query encoding (getParametersAsString is not exported). */
function sdkQuery(params: Record<string, string> | undefined): string {
  if (!params) return '';
  return `?${Object.keys(params)
    .sort()
    .map((key) => `${key}=${encodeURIComponent(params[key] ?? '')}`)
    .join('&')}`;
}

export interface SignedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Exactly what the SDK would put on the wire. The SDK signs with the real clock,
 * so the sandbox used with it must run near real time (or set `now`).
 */
export function sdkSign(options: SdkOptions, config: Partial<SdkConfig> = {}, nowMs?: number): SignedRequest {
  const full: SdkConfig = {
    publicKeyId: KEY_ID,
    privateKey: KEYS.privateKey,
    region: 'us',
    sandbox: true,
    algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
    ...config,
  };
  const prepared = clientHelper.prepareOptions(full, { ...options });
  // The SDK stamps x-amz-pay-date from `new Date()`; pin it to the sandbox's clock.
  if (nowMs !== undefined) vi.setSystemTime(nowMs);
  try {
    const headers = clientHelper.signHeaders(full, prepared);
    return {
      method: options.method,
      path: `/${prepared.urlFragment}${sdkQuery(options.queryParams)}`,
      headers,
      body: prepared.payload ?? '',
    };
  } finally {
    if (nowMs !== undefined) vi.useRealTimers();
  }
}

export async function send(
  sandbox: Sandbox,
  req: SignedRequest,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await sandbox.handleRaw({
    method: req.method,
    url: new URL(req.path, 'http://sandbox.test'),
    headers: new Headers(req.headers),
    body: new TextEncoder().encode(req.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
}

let counter = 0;
export const idemKey = () => `k${Date.now().toString(36)}${(counter++).toString(36)}`;

/** SDK-signed call through the in-process core. */
export function call(
  sandbox: Sandbox,
  method: string,
  urlFragment: string,
  options: {
    payload?: unknown;
    headers?: Record<string, string>;
    queryParams?: Record<string, string>;
    simulation?: string;
    config?: Partial<SdkConfig>;
  } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.simulation) headers['x-amz-pay-simulation-code'] = options.simulation;
  if (method === 'POST' && !('x-amz-pay-idempotency-key' in headers)) headers['x-amz-pay-idempotency-key'] = idemKey();
  const signed = sdkSign(
    {
      method,
      urlFragment,
      ...(options.payload !== undefined ? { payload: options.payload } : {}),
      headers,
      ...(options.queryParams ? { queryParams: options.queryParams } : {}),
    },
    options.config,
    sandbox.clock.nowMs(),
  );
  return send(sandbox, signed);
}

export async function control(
  sandbox: Sandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await sandbox.handle(
    new Request(`http://sandbox.test/__sandbox/${path}`, {
      method,
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    }),
  );
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** A button config signed by the SDK's generateButtonSignature helper, as checkout.js receives it. */
export function signedButtonConfig(payload: Record<string, unknown>) {
  const payloadJSON = JSON.stringify(payload);
  const config = {
    publicKeyId: KEY_ID,
    privateKey: KEYS.privateKey,
    region: 'us',
    sandbox: true,
    algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
  };
  return {
    payloadJSON,
    signature: clientHelper.signPayload(config, payloadJSON),
    publicKeyId: KEY_ID,
    algorithm: config.algorithm,
  };
}

/** What checkout.js posts when the buyer clicks a button carrying `payload`. */
export async function clickButton(
  sandbox: Sandbox,
  payload: Record<string, unknown>,
  productType = 'PayAndShip',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await sandbox.handle(
    new Request('http://sandbox.test/checkout/start', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: productType === 'SignIn' ? 'signin' : 'checkout',
        merchantId: 'M1',
        ledgerCurrency: 'USD',
        productType,
        config: signedButtonConfig(payload),
      }),
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Creates a Checkout Session the way the button does; returns its id. */
export async function startFromButton(sandbox: Sandbox, payload: Record<string, unknown>, productType = 'PayAndShip') {
  const started = await clickButton(sandbox, payload, productType);
  return new URL(String(started.body['redirectUrl'])).searchParams.get('amazonCheckoutSessionId') ?? '';
}

export interface CheckoutOptions {
  amount?: string;
  totalOrderAmount?: string;
  supplementaryData?: string;
  currency?: string;
  paymentIntent?: 'Confirm' | 'Authorize' | 'AuthorizeWithCapture';
  canHandlePendingAuthorization?: boolean;
  buyer?: string;
  card?: string;
  chargePermissionType?: 'OneTime' | 'Recurring';
}

export function sessionPayload(extra: Record<string, unknown> = {}) {
  return {
    storeId: 'amzn1.application-oa2-client.sandboxstore',
    webCheckoutDetails: { checkoutReviewReturnUrl: 'https://shop.test/checkout/review' },
    merchantMetadata: { merchantReferenceId: 'ORDER-1', merchantStoreName: 'Test Shop' },
    ...extra,
  };
}

/** Drives a session to the point where Complete is allowed: created, buyer chosen, details set, redirect visited. */
export async function readyToComplete(sandbox: Sandbox, options: CheckoutOptions = {}): Promise<string> {
  const created = await call(sandbox, 'POST', 'checkoutSessions', {
    payload: sessionPayload(options.chargePermissionType ? { chargePermissionType: options.chargePermissionType } : {}),
  });
  const id = String(created.body['checkoutSessionId']);
  await shopperConfirms(sandbox, id, options);
  return id;
}

/** The buyer picks a wallet, the merchant sets the payment details, the buyer passes the processing page. */
export async function shopperConfirms(sandbox: Sandbox, id: string, options: CheckoutOptions = {}): Promise<void> {
  await control(sandbox, 'POST', `checkout-sessions/${id}/buyer`, {
    buyer: options.buyer ?? 'jane',
    card: options.card ?? '1111',
  });
  const currencyCode = options.currency ?? 'USD';
  await call(sandbox, 'PATCH', `checkoutSessions/${id}`, {
    payload: {
      webCheckoutDetails: { checkoutResultReturnUrl: 'https://shop.test/checkout/result' },
      paymentDetails: {
        paymentIntent: options.paymentIntent ?? 'Authorize',
        canHandlePendingAuthorization: options.canHandlePendingAuthorization ?? false,
        chargeAmount: { amount: options.amount ?? '50.00', currencyCode },
        ...(options.totalOrderAmount ? { totalOrderAmount: { amount: options.totalOrderAmount, currencyCode } } : {}),
      },
      ...(options.supplementaryData ? { supplementaryData: options.supplementaryData } : {}),
    },
  });
  await control(sandbox, 'POST', `checkout-sessions/${id}/redirect`);
}

export async function completed(sandbox: Sandbox, options: CheckoutOptions = {}) {
  const id = await readyToComplete(sandbox, options);
  const result = await call(sandbox, 'POST', `checkoutSessions/${id}/complete`, {
    payload: { chargeAmount: { amount: options.amount ?? '50.00', currencyCode: options.currency ?? 'USD' } },
  });
  return { id, result, chargeId: String(result.body['chargeId']), chargePermissionId: String(result.body['chargePermissionId']) };
}

export function state(body: Record<string, unknown>): unknown {
  const details = body['statusDetails'] as { state?: unknown } | undefined;
  return details?.state;
}

export function reasonCode(body: Record<string, unknown>): unknown {
  const details = body['statusDetails'] as { reasonCode?: unknown; reasons?: Array<{ reasonCode: unknown }> | null } | undefined;
  return details?.reasonCode ?? details?.reasons?.[0]?.reasonCode ?? null;
}

/** Raw node:http request, so a GET can carry the SDK's literal `null` body. */
export function httpSend(
  baseUrl: string,
  req: SignedRequest,
): Promise<{ status: number; text: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const url = new URL(req.path, baseUrl);
    const outgoing = httpRequest(
      url,
      { method: req.method, headers: { ...req.headers, 'content-length': Buffer.byteLength(req.body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: res.headers }),
        );
        res.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(req.body);
  });
}
