import { newRsaKeyPair, testKeyPair } from './keys';
import {
  AmazonPayError,
  createAmazonPayClient,
  type AddressInput,
  type AmazonPayClient,
  type AmazonPayConfig,
} from '@/lib/amazon-pay';
import { createSandbox, type Sandbox } from '@/sandbox/sandbox';

/**
 * Test-only: our typed client (lib/amazon-pay) driven against an in-process
 * sandbox, for lib/amazon-pay/*.integration.test.ts. Every attempt the client
 * puts on the wire is recorded, so retries can be checked without timing.
 */

export interface Attempt {
  method: string;
  url: URL;
  idempotencyKey: string | null;
  authorization: string | null;
  status: number;
}

export interface Harness {
  sandbox: Sandbox;
  client: AmazonPayClient;
  /** The client's requests, in order, with the status each one got. */
  attempts: Attempt[];
  /** Another client on the same wire, e.g. with a wrong key. */
  clientWith(overrides: Partial<AmazonPayConfig>): AmazonPayClient;
  /** The unsigned control API, as a test or the e2e runner would call it. */
  control(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  /** A hosted page or any other sandbox URL, without following redirects. */
  page(url: string, init?: RequestInit): Promise<Response>;
}

export const PUBLIC_KEY_ID = 'AINTEGRATIONTEST0001';
export const START = Date.UTC(2026, 0, 15, 12, 0, 0);
/** Retries stay in the millisecond range; Retry-After (1 s on 429s) is capped by maxDelayMs. */
export const TINY_RETRY = { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 2 } as const;

export function generateRsaKeys(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKeyPem, privateKeyPem } = newRsaKeyPair();
  return { publicKeyPem, privateKeyPem };
}

export function harnessKeys(): { publicKeyPem: string; privateKeyPem: string } {
  return testKeyPair();
}

export interface HarnessOptions {
  /**
   * The emulator on real time instead of frozen at START: for tests that compare its times with the
   * database's own (defaultNow), such as a settlement period against the store's books.
   */
  readonly realClock?: boolean;
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const { publicKeyPem, privateKeyPem } = harnessKeys();
  const sandbox = createSandbox({
    frozenClock: !options.realClock,
    ...(options.realClock ? {} : { start: START }),
    publicBaseUrl: 'http://sandbox.test',
  });
  const attempts: Attempt[] = [];

  const recordingFetch = async (input: string, init: RequestInit): Promise<Response> => {
    const headers = new Headers(init.headers);
    const attempt: Attempt = {
      method: init.method ?? 'GET',
      url: new URL(input),
      idempotencyKey: headers.get('x-amz-pay-idempotency-key'),
      authorization: headers.get('authorization'),
      status: 0,
    };
    attempts.push(attempt);
    const response = await sandbox.fetch(input, init);
    attempt.status = response.status;
    return response;
  };

  const clientWith = (overrides: Partial<AmazonPayConfig>) =>
    createAmazonPayClient({
      publicKeyId: PUBLIC_KEY_ID,
      privateKey: privateKeyPem,
      region: 'us',
      sandbox: true,
      algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
      fetch: recordingFetch,
      retry: TINY_RETRY,
      // Signed on sandbox time, so advancing the clock never makes a request stale.
      clock: () => sandbox.clock.now(),
      ...overrides,
    });

  const page = (url: string, init: RequestInit = {}) =>
    sandbox.fetch(new URL(url, 'http://sandbox.test').toString(), { redirect: 'manual', ...init });

  const control = async (method: string, path: string, body?: unknown) => {
    const response = await page(`/__sandbox/${path}`, {
      method,
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };

  // Registered the way an operator would, through the control API.
  const registered = await control('POST', 'keys', { publicKeyId: PUBLIC_KEY_ID, publicKey: publicKeyPem });
  if (registered.status !== 201) throw new Error(`key registration failed: ${JSON.stringify(registered.body)}`);

  return { sandbox, client: clientWith({}), attempts, clientWith, control, page };
}

export const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

export interface BuyerChoice {
  buyer?: string;
  card?: string;
  paymentIntent?: 'Confirm' | 'Authorize' | 'AuthorizeWithCapture';
  canHandlePendingAuthorization?: boolean;
  amount?: string;
}

/**
 * The merchant's half through the client, the buyer's half through the sandbox:
 * create → buyer picks (control API) → update → buyer passes amazonPayRedirectUrl
 * (the hosted processing page). Returns the session id, ready for complete/finalize.
 */
export async function checkoutUntilReturn(h: Harness, choice: BuyerChoice = {}): Promise<string> {
  const created = await h.client.createCheckoutSession({
    storeId: 'amzn1.application-oa2-client.integration',
    webCheckoutDetails: { checkoutReviewReturnUrl: 'https://shop.test/checkout/review' },
    merchantMetadata: { merchantReferenceId: 'ORDER-INT-1', merchantStoreName: 'Integration Shop' },
  });
  const id = created.checkoutSessionId;
  const picked = await h.control('POST', `checkout-sessions/${id}/buyer`, {
    buyer: choice.buyer ?? 'jane',
    card: choice.card ?? '1111',
  });
  if (picked.status !== 200) throw new Error(`buyer selection failed: ${JSON.stringify(picked.body)}`);
  const updated = await h.client.updateCheckoutSession(id, {
    webCheckoutDetails: { checkoutResultReturnUrl: 'https://shop.test/checkout/result' },
    paymentDetails: {
      paymentIntent: choice.paymentIntent ?? 'Authorize',
      canHandlePendingAuthorization: choice.canHandlePendingAuthorization ?? false,
      chargeAmount: usd(choice.amount ?? '50.00'),
    },
  });
  const redirectUrl = updated.webCheckoutDetails?.amazonPayRedirectUrl;
  if (!redirectUrl) throw new Error(`no amazonPayRedirectUrl; constraints: ${JSON.stringify(updated.constraints)}`);
  const processing = await h.page(redirectUrl);
  if (processing.status !== 303) throw new Error(`processing page answered ${processing.status}`);
  return id;
}

/** The shipping address Get Checkout Session shares, as a PayAndShip Finalize must repeat it. */
export async function sharedShippingAddress(h: Harness, id: string): Promise<AddressInput> {
  const address = (await h.client.getCheckoutSession(id)).shippingAddress;
  if (!address) throw new Error(`checkout session ${id} shares no shipping address`);
  const lines = Object.entries(address).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return Object.fromEntries(lines);
}

/** The AmazonPayError a call rejects with; anything else (or success) fails the test. */
export async function rejectionOf(call: Promise<unknown>): Promise<AmazonPayError> {
  const outcome = await call.then(
    (value: unknown) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected an AmazonPayError, got success: ${JSON.stringify(outcome.value)}`);
  if (!(outcome.error instanceof AmazonPayError)) throw new Error(`expected an AmazonPayError, got ${String(outcome.error)}`);
  return outcome.error;
}

/** Attempts that went to one API resource path (after /v2/), e.g. 'charges'. */
export function attemptsAt(h: Harness, method: string, resource: RegExp): Attempt[] {
  return h.attempts.filter(
    (a) => a.method === method && resource.test(a.url.pathname.replace(/^\/(?:sandbox\/|live\/)?v2\//, '')),
  );
}
