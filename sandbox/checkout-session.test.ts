import { describe, expect, it } from 'vitest';
import {
  call,
  completed,
  control,
  newSandbox,
  reasonCode,
  readyToComplete,
  sessionPayload,
  startFromButton,
  state,
} from '@/test/sandbox-sdk';

const HOUR = 3600;

describe('CheckoutSession', () => {
  it('starts Open with every constraint, and amazonPayRedirectUrl only once none remain', async () => {
    const sandbox = newSandbox();
    const created = await call(sandbox, 'POST', 'checkoutSessions', { payload: sessionPayload() });
    expect(created.status).toBe(201);
    expect(state(created.body)).toBe('Open');
    const ids = (created.body['constraints'] as Array<{ constraintId: string }>).map((c) => c.constraintId);
    expect(ids).toEqual(['BuyerNotAssociated', 'ChargeAmountNotSet', 'CheckoutResultReturnUrlNotSet', 'PaymentIntentNotSet']);
    expect(created.body['webCheckoutDetails']).toMatchObject({ amazonPayRedirectUrl: null });
    expect(String(created.body['expirationTimestamp'])).toMatch(/^\d{8}T\d{6}Z$/);

    const id = String(created.body['checkoutSessionId']);
    await control(sandbox, 'POST', `checkout-sessions/${id}/buyer`, { buyer: 'max', card: '0005' });
    const patched = await call(sandbox, 'PATCH', `checkoutSessions/${id}`, {
      payload: {
        webCheckoutDetails: { checkoutResultReturnUrl: 'https://shop.test/result' },
        paymentDetails: { paymentIntent: 'Authorize', chargeAmount: { amount: 12.5, currencyCode: 'EUR' } },
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body['constraints']).toEqual([]);
    expect(patched.body['paymentDetails']).toMatchObject({ chargeAmount: { amount: '12.50', currencyCode: 'EUR' } });
    expect(String((patched.body['webCheckoutDetails'] as Record<string, unknown>)['amazonPayRedirectUrl'])).toBe(
      `http://sandbox.test/checkout/processing?amazonCheckoutSessionId=${id}`,
    );
    expect(patched.body['buyer']).toMatchObject({ name: 'Max Mustermann' });
    expect(patched.body['shippingAddress']).toMatchObject({ countryCode: 'DE' });
  });

  it('reports a missing checkoutReviewReturnUrl and an unrecognized checkoutMode', async () => {
    const sandbox = newSandbox();
    const missing = await call(sandbox, 'POST', 'checkoutSessions', { payload: { storeId: 'x' } });
    expect([missing.status, missing.body['reasonCode']]).toEqual([400, 'MissingParameterValue']);
    const mode = await call(sandbox, 'POST', 'checkoutSessions', {
      payload: sessionPayload({ webCheckoutDetails: { checkoutReviewReturnUrl: 'https://shop.test/r', checkoutMode: 'Weird' } }),
    });
    expect([mode.status, mode.body['reasonCode']]).toEqual([400, 'UnrecognizedField']);
  });

  it('refuses Complete before the buyer returns from amazonPayRedirectUrl (422 InvalidCheckoutSessionStatus)', async () => {
    const sandbox = newSandbox();
    const created = await call(sandbox, 'POST', 'checkoutSessions', { payload: sessionPayload() });
    const id = String(created.body['checkoutSessionId']);
    const res = await call(sandbox, 'POST', `checkoutSessions/${id}/complete`, {
      payload: { chargeAmount: { amount: '1.00', currencyCode: 'USD' } },
    });
    expect([res.status, res.body['reasonCode']]).toEqual([422, 'InvalidCheckoutSessionStatus']);
  });

  // https://developer.amazon.com/docs/amazon-pay-checkout/faqs.html: a chargeAmount other than the session's is AmountMismatch.
  it('refuses Complete with a different amount (409 AmountMismatch) or currency (400 CurrencyMismatch)', async () => {
    const sandbox = newSandbox();
    const id = await readyToComplete(sandbox);
    const amount = await call(sandbox, 'POST', `checkoutSessions/${id}/complete`, {
      payload: { chargeAmount: { amount: '49.99', currencyCode: 'USD' } },
    });
    expect([amount.status, amount.body['reasonCode']]).toEqual([409, 'AmountMismatch']);
    const currency = await call(sandbox, 'POST', `checkoutSessions/${id}/complete`, {
      payload: { chargeAmount: { amount: '50.00', currencyCode: 'EUR' } },
    });
    expect([currency.status, currency.body['reasonCode']]).toEqual([400, 'CurrencyMismatch']);
  });

  it('refuses updates once the buyer has confirmed', async () => {
    const sandbox = newSandbox();
    const id = await readyToComplete(sandbox);
    const res = await call(sandbox, 'PATCH', `checkoutSessions/${id}`, {
      payload: { paymentDetails: { chargeAmount: { amount: '1.00', currencyCode: 'USD' } } },
    });
    expect([res.status, res.body['reasonCode']]).toEqual([422, 'InvalidCheckoutSessionStatus']);
  });

  // https://developer.amazon.com/docs/amazon-pay-checkout/faqs.html: Complete on a Completed session is
  // InvalidCheckoutSessionStatus; the same idempotency key replays the first answer.
  it('completes Authorize: Completed, Chargeable permission, Authorized charge; again only with the same key', async () => {
    const sandbox = newSandbox();
    const key = 'complete-once';
    const id = await readyToComplete(sandbox);
    const complete = (idempotencyKey: string) =>
      call(sandbox, 'POST', `checkoutSessions/${id}/complete`, {
        payload: { chargeAmount: { amount: '50.00', currencyCode: 'USD' } },
        headers: { 'x-amz-pay-idempotency-key': idempotencyKey },
      });
    const result = await complete(key);
    const chargeId = String(result.body['chargeId']);
    const chargePermissionId = String(result.body['chargePermissionId']);
    expect(result.status).toBe(200);
    expect(state(result.body)).toBe('Completed');
    expect(chargePermissionId).toMatch(/^S01-\d{7}-\d{7}$/);
    expect(chargeId).toMatch(new RegExp(`^${chargePermissionId}-C\\d{6}$`));
    expect(state((await call(sandbox, 'GET', `chargePermissions/${chargePermissionId}`)).body)).toBe('Chargeable');
    expect(state((await call(sandbox, 'GET', `charges/${chargeId}`)).body)).toBe('Authorized');
    const replayed = await complete(key);
    expect([replayed.status, replayed.body['chargeId']]).toEqual([200, chargeId]);
    const again = await complete('complete-twice');
    expect([again.status, again.body['reasonCode']]).toEqual([422, 'InvalidCheckoutSessionStatus']);
  });

  it('Confirm creates no charge; AuthorizeWithCapture captures at once', async () => {
    const sandbox = newSandbox();
    const confirm = await completed(sandbox, { paymentIntent: 'Confirm' });
    expect(confirm.result.body['chargeId']).toBeNull();
    const withCapture = await completed(sandbox, { paymentIntent: 'AuthorizeWithCapture' });
    const charge = await call(sandbox, 'GET', `charges/${withCapture.chargeId}`);
    expect(state(charge.body)).toBe('Captured');
    expect(charge.body['captureAmount']).toEqual({ amount: '50.00', currencyCode: 'USD' });
    // A one-time permission closes once its whole amount is captured.
    expect(state((await call(sandbox, 'GET', `chargePermissions/${withCapture.chargePermissionId}`)).body)).toBe('Closed');
  });

  it('cancels Open sessions after 24 hours', async () => {
    const sandbox = newSandbox();
    const created = await call(sandbox, 'POST', 'checkoutSessions', { payload: sessionPayload() });
    const id = String(created.body['checkoutSessionId']);
    sandbox.advance(23 * HOUR);
    expect(state((await call(sandbox, 'GET', `checkoutSessions/${id}`)).body)).toBe('Open');
    sandbox.advance(HOUR);
    const expired = await call(sandbox, 'GET', `checkoutSessions/${id}`);
    expect([state(expired.body), reasonCode(expired.body)]).toEqual(['Canceled', 'Expired']);
  });

  // https://developer.amazon.com/docs/amazon-pay-checkout/sandbox-simulations.html (the cards);
  // Complete then answers CheckoutSessionCanceled with the cause in statusDetails, as WooCommerce reads it
  // (https://github.com/woocommerce/woocommerce-gateway-amazon-pay, class-wc-gateway-amazon-payments-advanced.php).
  it('card 3064 cancels with BuyerCanceled, card 3434 with Declined, at the processing page; Complete is CheckoutSessionCanceled', async () => {
    const sandbox = newSandbox();
    for (const [card, reason] of [
      ['3064', 'BuyerCanceled'],
      ['3434', 'Declined'],
    ] as const) {
      const id = await readyToComplete(sandbox, { card });
      const session = await call(sandbox, 'GET', `checkoutSessions/${id}`);
      expect([state(session.body), reasonCode(session.body)]).toEqual(['Canceled', reason]);
      const complete = await call(sandbox, 'POST', `checkoutSessions/${id}/complete`, {
        payload: { chargeAmount: { amount: '50.00', currencyCode: 'USD' } },
      });
      expect([complete.status, complete.body['reasonCode']]).toEqual([422, 'CheckoutSessionCanceled']);
    }
  });

  it('card 0701 goes AuthorizationInitiated, then Authorized once the clock passes 30 s', async () => {
    const sandbox = newSandbox();
    const { chargeId } = await completed(sandbox, { card: '0701', canHandlePendingAuthorization: true });
    expect(state((await call(sandbox, 'GET', `charges/${chargeId}`)).body)).toBe('AuthorizationInitiated');
    sandbox.advance(30);
    expect(state((await call(sandbox, 'GET', `charges/${chargeId}`)).body)).toBe('Authorized');
  });

  it('card 4354 goes AuthorizationInitiated, then Declined (HardDeclined)', async () => {
    const sandbox = newSandbox();
    const { chargeId, chargePermissionId } = await completed(sandbox, {
      buyer: 'olivia',
      card: '4354',
      canHandlePendingAuthorization: true,
    });
    expect(state((await call(sandbox, 'GET', `charges/${chargeId}`)).body)).toBe('AuthorizationInitiated');
    sandbox.advance(30);
    const charge = await call(sandbox, 'GET', `charges/${chargeId}`);
    expect([state(charge.body), reasonCode(charge.body)]).toEqual(['Declined', 'HardDeclined']);
    expect(state((await call(sandbox, 'GET', `chargePermissions/${chargePermissionId}`)).body)).toBe('NonChargeable');
  });

  // https://developer.amazon.com/docs/amazon-pay-checkout/sandbox-simulations.html: 0701 and 4354 need paymentIntent
  // Authorize and canHandlePendingAuthorization true, "or using this payment method will result in an error".
  it.each([
    ['0701', 'Authorize', false],
    ['4354', 'Authorize', false],
    ['0701', 'AuthorizeWithCapture', true],
    ['4354', 'Confirm', true],
  ] as const)(
    'card %s with %s and canHandlePendingAuthorization %s: Complete is 400 InvalidParameterCombination',
    async (card, paymentIntent, pending) => {
      const sandbox = newSandbox();
      const buyer = card === '4354' ? 'olivia' : 'jane';
      const id = await readyToComplete(sandbox, { buyer, card, paymentIntent, canHandlePendingAuthorization: pending });
      const res = await call(sandbox, 'POST', `checkoutSessions/${id}/complete`, {
        payload: { chargeAmount: { amount: '50.00', currencyCode: 'USD' } },
      });
      expect([res.status, res.body['reasonCode']]).toEqual([400, 'InvalidParameterCombination']);
      const session = await call(sandbox, 'GET', `checkoutSessions/${id}`);
      expect([state(session.body), session.body['chargePermissionId']]).toEqual(['Open', null]);
    },
  );

  it('simulation codes on Complete: BuyerCanceled, AmazonCanceled, Declined cancel (CheckoutSessionCanceled); AuthorizationInitiated pends', async () => {
    const sandbox = newSandbox();
    for (const code of ['BuyerCanceled', 'AmazonCanceled', 'Declined']) {
      const id = await readyToComplete(sandbox);
      const res = await call(sandbox, 'POST', `checkoutSessions/${id}/complete`, {
        payload: { chargeAmount: { amount: '50.00', currencyCode: 'USD' } },
        simulation: code,
      });
      expect([res.status, res.body['reasonCode']]).toEqual([422, 'CheckoutSessionCanceled']);
      const session = await call(sandbox, 'GET', `checkoutSessions/${id}`);
      expect([state(session.body), reasonCode(session.body)]).toEqual(['Canceled', code]);
    }
    const id = await readyToComplete(sandbox, { canHandlePendingAuthorization: true });
    const pending = await call(sandbox, 'POST', `checkoutSessions/${id}/complete`, {
      payload: { chargeAmount: { amount: '50.00', currencyCode: 'USD' } },
      simulation: 'AuthorizationInitiated',
    });
    expect(state((await call(sandbox, 'GET', `charges/${String(pending.body['chargeId'])}`)).body)).toBe(
      'AuthorizationInitiated',
    );
  });

  it('rejects unknown simulation codes with 400 InvalidSandboxSimulationSpecified', async () => {
    const sandbox = newSandbox();
    const id = await readyToComplete(sandbox);
    const res = await call(sandbox, 'POST', `checkoutSessions/${id}/complete`, {
      payload: { chargeAmount: { amount: '50.00', currencyCode: 'USD' } },
      simulation: 'NoSuchThing',
    });
    expect([res.status, res.body['reasonCode']]).toEqual([400, 'InvalidSandboxSimulationSpecified']);
    const onGet = await call(sandbox, 'GET', `checkoutSessions/${id}`, { simulation: 'Declined' });
    expect([onGet.status, onGet.body['reasonCode']]).toEqual([400, 'InvalidSandboxSimulationSpecified']);
  });

  it('returns shippingAddressList as JSON strings for multi-address checkouts', async () => {
    const sandbox = newSandbox();
    // productType is the button's option, not a body field.
    const id = await startFromButton(sandbox, sessionPayload(), 'PayAndShipMultiAddress');
    await control(sandbox, 'POST', `checkout-sessions/${id}/buyer`, { buyer: 'jane', card: '1111' });
    const list = (await call(sandbox, 'GET', `checkoutSessions/${id}`)).body['shippingAddressList'] as string[];
    expect(JSON.parse(list[0] ?? '{}')).toMatchObject({ city: 'Seattle' });
  });
});
