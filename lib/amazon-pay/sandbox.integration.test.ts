import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  checkoutUntilReturn,
  createHarness,
  harnessKeys,
  rejectionOf,
  sharedShippingAddress,
  usd,
  type Harness,
} from '@/test/sandbox-harness';
import { sandboxMswHandlers, startSandboxServer, type SandboxServer } from '@/sandbox';

/**
 * Our client against the offline sandbox, in-process: checkout (complete and
 * finalize), getBuyer via the sign-in button, deliveryTrackers,
 * getAuthorizationToken, and the same client over msw and over real HTTP.
 */

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

const postJson = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('checkout with complete', () => {
  it('create → buyer picks (control API) → get → update → processing page → complete', async () => {
    const created = await h.client.createCheckoutSession({
      storeId: 'amzn1.application-oa2-client.integration',
      webCheckoutDetails: { checkoutReviewReturnUrl: 'https://shop.test/checkout/review' },
      merchantMetadata: { merchantReferenceId: 'ORDER-1' },
    });
    expect(created.statusDetails.state).toBe('Open');
    expect(created.constraints?.map((c) => c.constraintId)).toEqual([
      'BuyerNotAssociated',
      'ChargeAmountNotSet',
      'CheckoutResultReturnUrlNotSet',
      'PaymentIntentNotSet',
    ]);
    expect(created.webCheckoutDetails?.amazonPayRedirectUrl).toBeNull();
    const id = created.checkoutSessionId;

    expect((await h.control('POST', `checkout-sessions/${id}/buyer`, { buyer: 'jane', card: '1111', address: 1 })).status).toBe(
      200,
    );
    const afterBuyer = await h.client.getCheckoutSession(id);
    expect(afterBuyer.buyer?.name).toBe('Jane Doe');
    expect(afterBuyer.shippingAddress?.city).toBe('San Francisco');
    expect(afterBuyer.constraints?.map((c) => c.constraintId)).toEqual([
      'ChargeAmountNotSet',
      'CheckoutResultReturnUrlNotSet',
      'PaymentIntentNotSet',
    ]);

    const updated = await h.client.updateCheckoutSession(id, {
      webCheckoutDetails: { checkoutResultReturnUrl: 'https://shop.test/checkout/result' },
      paymentDetails: { paymentIntent: 'Authorize', chargeAmount: usd('24.99') },
    });
    expect(updated.constraints).toEqual([]);
    const redirectUrl = updated.webCheckoutDetails?.amazonPayRedirectUrl ?? '';
    expect(redirectUrl).toBe(`http://sandbox.test/checkout/processing?amazonCheckoutSessionId=${id}`);

    const processing = await h.page(redirectUrl);
    expect([processing.status, processing.headers.get('location')]).toEqual([
      303,
      `https://shop.test/checkout/result?amazonCheckoutSessionId=${id}`,
    ]);

    const completed = await h.client.completeCheckoutSession(id, { chargeAmount: usd('24.99') });
    expect(completed.statusDetails.state).toBe('Completed');
    expect(completed.chargePermissionId).toMatch(/^S01-\d{7}-\d{7}$/);
    const charge = await h.client.getCharge(completed.chargeId ?? '');
    expect([charge.statusDetails.state, charge.chargeAmount]).toEqual(['Authorized', usd('24.99')]);
    const permission = await h.client.getChargePermission(completed.chargePermissionId ?? '');
    expect(permission.statusDetails.state).toBe('Chargeable');
    expect(permission.merchantMetadata?.merchantReferenceId).toBe('ORDER-1');

    // A retry after a lost response must reuse the idempotency key; a new one is refused
    // (https://developer.amazon.com/docs/amazon-pay-checkout/faqs.html).
    const again = await rejectionOf(h.client.completeCheckoutSession(id, { chargeAmount: usd('24.99') }));
    expect([again.status, again.reasonCode]).toEqual([422, 'InvalidCheckoutSessionStatus']);
    expect(h.sandbox.store.charges.size).toBe(1);
  });

  it('button (signed by the client) → hosted sign-in and selection pages → review URL → complete with capture', async () => {
    const payload = {
      storeId: 'amzn1.application-oa2-client.integration',
      webCheckoutDetails: { checkoutReviewReturnUrl: 'https://shop.test/review' },
    };
    const config = await h.client.generateButtonConfig(payload);
    const start = await h.page(
      '/checkout/start',
      postJson({ kind: 'checkout', merchantId: 'M1', ledgerCurrency: 'EUR', productType: 'PayAndShip', config }),
    );
    expect(start.status).toBe(200);
    const signInUrl = ((await start.json()) as { redirectUrl: string }).redirectUrl;
    const id = new URL(signInUrl).searchParams.get('amazonCheckoutSessionId') ?? '';
    expect((await h.page(signInUrl)).status).toBe(200);

    const signedIn = await h.page('/checkout/signin', form({ amazonCheckoutSessionId: id, buyer: 'max' }));
    expect(signedIn.status).toBe(303);
    expect((await h.page(signedIn.headers.get('location') ?? '')).status).toBe(200);
    const selected = await h.page(
      '/checkout/select',
      form({ amazonCheckoutSessionId: id, buyer: 'max', address: '0', card: 'max-mc-0005' }),
    );
    expect([selected.status, selected.headers.get('location')]).toEqual([
      303,
      `https://shop.test/review?amazonCheckoutSessionId=${id}`,
    ]);

    const updated = await h.client.updateCheckoutSession(id, {
      webCheckoutDetails: { checkoutResultReturnUrl: 'https://shop.test/result' },
      paymentDetails: { paymentIntent: 'AuthorizeWithCapture', chargeAmount: { amount: '19.99', currencyCode: 'EUR' } },
    });
    expect(updated.shippingAddress?.city).toBe('Berlin');
    expect((await h.page(updated.webCheckoutDetails?.amazonPayRedirectUrl ?? '')).status).toBe(303);
    const completed = await h.client.completeCheckoutSession(id, { chargeAmount: { amount: '19.99', currencyCode: 'EUR' } });
    const charge = await h.client.getCharge(completed.chargeId ?? '');
    expect([charge.statusDetails.state, charge.captureAmount]).toEqual(['Captured', { amount: '19.99', currencyCode: 'EUR' }]);
    // A one-time permission closes once its whole amount is captured.
    expect((await h.client.getChargePermission(completed.chargePermissionId ?? '')).statusDetails.state).toBe('Closed');
  });
});

describe('checkout with finalize', () => {
  it('confirms the session’s amount and address and completes in one call; a retry with the same key replays it', async () => {
    // The final amount is set with Update before the buyer passes amazonPayRedirectUrl.
    const id = await checkoutUntilReturn(h, { amount: '42.00' });
    const payload = {
      shippingAddress: await sharedShippingAddress(h, id),
      chargeAmount: usd('42.00'),
      totalOrderAmount: usd('42.00'),
      paymentIntent: 'AuthorizeWithCapture' as const,
      canHandlePendingAuthorization: false,
    };
    const finalized = await h.client.finalizeCheckoutSession(id, payload, { idempotencyKey: 'finalize-ORDER-1' });
    expect(finalized.statusDetails.state).toBe('Completed');
    expect(finalized.paymentDetails?.chargeAmount).toEqual(usd('42.00'));
    expect(finalized.shippingAddress).toMatchObject({ name: 'Jane Doe', city: 'Seattle' });
    const charge = await h.client.getCharge(finalized.chargeId ?? '');
    expect([charge.statusDetails.state, charge.captureAmount]).toEqual(['Captured', usd('42.00')]);

    const replay = await h.client.finalizeCheckoutSession(id, payload, { idempotencyKey: 'finalize-ORDER-1' });
    expect([replay.chargeId, replay.chargePermissionId]).toEqual([finalized.chargeId, finalized.chargePermissionId]);
    expect(h.sandbox.store.charges.size).toBe(1);
  });

  // Finalize confirms the amount the buyer saw; it never changes it
  // (https://developer.amazon.com/docs/amazon-pay-buy-now-checkout/verify-and-complete-checkout.html).
  it('refuses an amount other than the session’s as AmountMismatch, not retried, and the session stays Open', async () => {
    const id = await checkoutUntilReturn(h, { amount: '50.00' });
    const shippingAddress = await sharedShippingAddress(h, id);
    const mismatch = await rejectionOf(
      h.client.finalizeCheckoutSession(id, { shippingAddress, chargeAmount: usd('42.00'), paymentIntent: 'Authorize' }),
    );
    expect([mismatch.status, mismatch.reasonCode, mismatch.retryable, mismatch.operation]).toEqual([
      409,
      'AmountMismatch',
      false,
      'finalizeCheckoutSession',
    ]);
    const session = await h.client.getCheckoutSession(id);
    expect([session.statusDetails.state, session.paymentDetails?.chargeAmount]).toEqual(['Open', usd('50.00')]);
    expect(h.sandbox.store.permissions.size).toBe(0);
  });

  it('refuses a session the buyer has not returned from, and honours the pending card 0701', async () => {
    const created = await h.client.createCheckoutSession({
      storeId: 'amzn1.s',
      webCheckoutDetails: { checkoutReviewReturnUrl: 'https://shop.test/r' },
    });
    const early = await rejectionOf(
      h.client.finalizeCheckoutSession(created.checkoutSessionId, { chargeAmount: usd('1.00'), paymentIntent: 'Authorize' }),
    );
    expect([early.status, early.reasonCode, early.retryable, early.operation]).toEqual([
      422,
      'InvalidCheckoutSessionStatus',
      false,
      'finalizeCheckoutSession',
    ]);

    const id = await checkoutUntilReturn(h, { card: '0701', canHandlePendingAuthorization: true });
    const finalized = await h.client.finalizeCheckoutSession(id, {
      shippingAddress: await sharedShippingAddress(h, id),
      chargeAmount: usd('50.00'),
      paymentIntent: 'Authorize',
      canHandlePendingAuthorization: true,
    });
    expect((await h.client.getCharge(finalized.chargeId ?? '')).statusDetails.state).toBe('AuthorizationInitiated');
    h.sandbox.advance(30);
    expect((await h.client.getCharge(finalized.chargeId ?? '')).statusDetails.state).toBe('Authorized');
  });

  it('takes Complete’s simulation codes', async () => {
    const id = await checkoutUntilReturn(h);
    const canceled = await rejectionOf(
      h.client.finalizeCheckoutSession(
        id,
        { shippingAddress: await sharedShippingAddress(h, id), chargeAmount: usd('50.00'), paymentIntent: 'Authorize' },
        { simulationCode: 'BuyerCanceled' },
      ),
    );
    expect([canceled.status, canceled.reasonCode]).toEqual([422, 'CheckoutSessionCanceled']);
    const session = await h.client.getCheckoutSession(id);
    expect([session.statusDetails.state, session.statusDetails.reasonCode]).toEqual(['Canceled', 'BuyerCanceled']);
  });
});

describe('buyer, delivery trackers, authorization tokens', () => {
  it('getBuyer with the buyerToken from the sign-in button and pages', async () => {
    const config = await h.client.generateButtonConfig({
      signInReturnUrl: 'https://shop.test/signin/return',
      storeId: 'amzn1.s',
      signInScopes: ['name', 'email'],
    });
    const start = await h.page('/checkout/start', postJson({ kind: 'signin', merchantId: 'M1', ledgerCurrency: 'GBP', config }));
    const signInUrl = ((await start.json()) as { redirectUrl: string }).redirectUrl;
    const token = new URL(signInUrl).searchParams.get('token') ?? '';
    expect((await h.page(signInUrl)).status).toBe(200);
    const back = await h.page('/signin', form({ token, buyer: 'olivia' }));
    const buyerToken = new URL(back.headers.get('location') ?? '').searchParams.get('buyerToken') ?? '';

    const buyer = await h.client.getBuyer(buyerToken);
    expect(buyer).toMatchObject({ name: 'Olivia Smith', email: 'olivia.smith@example.co.uk', countryCode: null });
    expect(buyer.buyerId).toMatch(/^amzn1\.account\./);
    const unknown = await rejectionOf(h.client.getBuyer('no-such-token'));
    expect([unknown.status, unknown.reasonCode]).toEqual([404, 'ResourceNotFound']);
  });

  it('deliveryTrackers echoes the tracker for a charge permission, 404 for an unknown one', async () => {
    const id = await checkoutUntilReturn(h, { paymentIntent: 'Confirm' });
    const { chargePermissionId } = await h.client.completeCheckoutSession(id, { chargeAmount: usd('50.00') });
    const deliveryDetails = [{ trackingNumber: '1Z999AA10123456789', carrierCode: 'UPS' }];
    const tracked = await h.client.deliveryTrackers({ chargePermissionId: chargePermissionId ?? '', deliveryDetails });
    expect(tracked).toEqual({ chargePermissionId, deliveryDetails });
    const unknown = await rejectionOf(h.client.deliveryTrackers({ chargePermissionId: 'S01-0000000-0000000', deliveryDetails }));
    expect([unknown.status, unknown.reasonCode]).toEqual([404, 'ResourceNotFound']);
  });

  it('getAuthorizationToken is refused in Sandbox as the live-only call it is', async () => {
    const error = await rejectionOf(h.client.getAuthorizationToken('amzn.mws.0000-0000', 'MERCHANT1'));
    expect([error.status, error.reasonCode, error.retryable]).toEqual([400, 'UnsupportedOperation', false]);
    expect(h.attempts.at(-1)?.url.search).toBe('?merchantId=MERCHANT1');
  });

  it('a SANDBOX- key id addresses /v2 without the environment segment', async () => {
    expect(
      (await h.control('POST', 'keys', { publicKeyId: 'SANDBOX-AINTEGRATION02', publicKey: harnessKeys().publicKeyPem })).status,
    ).toBe(201);
    const legacy = h.clientWith({ publicKeyId: 'SANDBOX-AINTEGRATION02', sandbox: false, algorithm: 'AMZN-PAY-RSASSA-PSS' });
    const session = await legacy.createCheckoutSession({
      storeId: 'amzn1.s',
      webCheckoutDetails: { checkoutReviewReturnUrl: 'https://shop.test/r' },
    });
    expect(session.statusDetails.state).toBe('Open');
    expect(h.attempts.at(-1)?.url.pathname).toBe('/v2/checkoutSessions');
  });
});

describe('the same client over msw (sandboxMswHandlers)', () => {
  const mswHarness = createHarness();
  let server: ReturnType<typeof setupServer> | undefined;
  beforeAll(async () => {
    server = setupServer(...sandboxMswHandlers((await mswHarness).sandbox, ['https://pay-api.amazon.com']));
    server.listen({ onUnhandledRequest: 'error' });
  });
  afterAll(() => server?.close());

  it('reaches the sandbox through the global fetch', async () => {
    const m = await mswHarness;
    // No fetch override: the client uses globalThis.fetch, which msw intercepts.
    const client = m.clientWith({ fetch: undefined });
    const created = await client.createCheckoutSession({
      storeId: 'amzn1.s',
      webCheckoutDetails: { checkoutReviewReturnUrl: 'https://shop.test/r' },
    });
    expect((await client.getCheckoutSession(created.checkoutSessionId)).checkoutSessionId).toBe(created.checkoutSessionId);
    expect(m.attempts).toHaveLength(0);
    expect(m.sandbox.store.sessions.size).toBe(1);
  });
});

describe('the same client over real HTTP (startSandboxServer, port 0)', () => {
  let server: SandboxServer | undefined;
  afterAll(async () => server?.close());

  it('signs the endpoint override’s host:port and is verified by the server', async () => {
    server = await startSandboxServer({ port: 0, sandbox: h.sandbox });
    const client = h.clientWith({ fetch: undefined, endpoint: server.url });
    const created = await client.createCheckoutSession({
      storeId: 'amzn1.s',
      webCheckoutDetails: { checkoutReviewReturnUrl: 'https://shop.test/r' },
    });
    const fetched = await client.getCheckoutSession(created.checkoutSessionId);
    expect(fetched.statusDetails.state).toBe('Open');
    const closed = await rejectionOf(client.getCharge('S01-0000000-0000000-C000000'));
    expect([closed.status, closed.reasonCode]).toEqual([404, 'ResourceNotFound']);
  });
});
