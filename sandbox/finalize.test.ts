import { describe, expect, it } from 'vitest';
import {
  call,
  control,
  newSandbox,
  reasonCode,
  readyToComplete,
  sessionPayload,
  shopperConfirms,
  startFromButton,
  state,
  type CheckoutOptions,
} from '@/test/sandbox-sdk';
import { findBuyerBySlug } from './buyers';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

function finalize(
  sandbox: ReturnType<typeof newSandbox>,
  id: string,
  payload: Record<string, unknown>,
  extra: { simulation?: string; headers?: Record<string, string> } = {},
) {
  return call(sandbox, 'POST', `checkoutSessions/${id}/finalize`, { payload, ...extra });
}

/** A session the buyer has come back from, with 50.00 USD Authorize set before the redirect. */
const returned = (sandbox: ReturnType<typeof newSandbox>, options: CheckoutOptions = {}) => readyToComplete(sandbox, options);

/** The shipping address Get Checkout Session shares, which a PayAndShip Finalize must repeat. */
async function sharedAddress(sandbox: ReturnType<typeof newSandbox>, id: string): Promise<Record<string, unknown>> {
  const session = await call(sandbox, 'GET', `checkoutSessions/${id}`);
  return session.body['shippingAddress'] as Record<string, unknown>;
}

/** The body a merchant sends for the session `returned` prepares: its amount and its address. */
async function confirming(sandbox: ReturnType<typeof newSandbox>, id: string, extra: Record<string, unknown> = {}) {
  return { shippingAddress: await sharedAddress(sandbox, id), chargeAmount: usd('50.00'), paymentIntent: 'Authorize', ...extra };
}

describe('finalizeCheckoutSession', () => {
  it('refuses a session the buyer has not returned from with 422 InvalidCheckoutSessionStatus', async () => {
    const sandbox = newSandbox();
    const created = await call(sandbox, 'POST', 'checkoutSessions', { payload: sessionPayload() });
    const id = String(created.body['checkoutSessionId']);
    const fresh = await finalize(sandbox, id, { chargeAmount: usd('10.00'), paymentIntent: 'Authorize' });
    expect([fresh.status, fresh.body['reasonCode']]).toEqual([422, 'InvalidCheckoutSessionStatus']);

    await control(sandbox, 'POST', `checkout-sessions/${id}/buyer`, { buyer: 'jane', card: '1111' });
    const chosen = await finalize(sandbox, id, { chargeAmount: usd('10.00'), paymentIntent: 'Authorize' });
    expect([chosen.status, chosen.body['reasonCode']]).toEqual([422, 'InvalidCheckoutSessionStatus']);
    expect(state((await call(sandbox, 'GET', `checkoutSessions/${id}`)).body)).toBe('Open');
    expect(sandbox.store.permissions.size).toBe(0);
  });

  it('confirms the session’s amounts and address, sets the intent and completes in one call: 200, Completed, ChargePermission and Charge', async () => {
    const sandbox = newSandbox();
    // The final amounts are set with Update before the buyer is sent to amazonPayRedirectUrl.
    const id = await returned(sandbox, { amount: '45.00', totalOrderAmount: '60.00' });
    const res = await finalize(sandbox, id, {
      shippingAddress: await sharedAddress(sandbox, id),
      billingAddress: null,
      chargeAmount: { amount: 45, currencyCode: 'USD' },
      totalOrderAmount: usd('60.00'),
      paymentIntent: 'AuthorizeWithCapture',
      canHandlePendingAuthorization: false,
      supplementaryData: '{"channel":"test"}',
    });
    expect(res.status).toBe(200);
    expect(state(res.body)).toBe('Completed');
    expect(res.body['paymentDetails']).toMatchObject({
      paymentIntent: 'AuthorizeWithCapture',
      chargeAmount: usd('45.00'),
      totalOrderAmount: usd('60.00'),
    });
    expect(res.body['shippingAddress']).toMatchObject({ name: 'Jane Doe', city: 'Seattle', countryCode: 'US' });
    expect(res.body['supplementaryData']).toBe('{"channel":"test"}');
    const chargePermissionId = String(res.body['chargePermissionId']);
    const chargeId = String(res.body['chargeId']);
    expect(chargeId).toMatch(new RegExp(`^${chargePermissionId}-C\\d{6}$`));

    const charge = await call(sandbox, 'GET', `charges/${chargeId}`);
    expect([state(charge.body), charge.body['captureAmount']]).toEqual(['Captured', usd('45.00')]);
    const permission = await call(sandbox, 'GET', `chargePermissions/${chargePermissionId}`);
    // The one-time limit is the session's totalOrderAmount.
    expect(permission.body['limits']).toEqual({ amountLimit: usd('60.00'), amountBalance: usd('15.00') });
    expect(permission.body['shippingAddress']).toMatchObject({ name: 'Jane Doe', addressLine1: '410 Terry Ave N' });
  });

  it('Confirm creates the ChargePermission only; a merchant billing address is shown on a session that asked for it', async () => {
    const sandbox = newSandbox();
    const created = await call(sandbox, 'POST', 'checkoutSessions', {
      payload: sessionPayload({ scopes: ['name', 'email', 'billingAddress'] }),
    });
    const id = String(created.body['checkoutSessionId']);
    await shopperConfirms(sandbox, id);
    const res = await finalize(
      sandbox,
      id,
      await confirming(sandbox, id, { paymentIntent: 'Confirm', billingAddress: { name: 'Accounts Payable', city: 'Tacoma' } }),
    );
    expect([res.status, state(res.body), res.body['chargeId']]).toEqual([200, 'Completed', null]);
    expect(res.body['chargePermissionId']).toMatch(/^S01-/);
    expect(res.body['billingAddress']).toMatchObject({ name: 'Accounts Payable', city: 'Tacoma', countryCode: 'US' });
    expect(sandbox.store.charges.size).toBe(0);
  });

  it('refuses a currency other than the session’s, and a charge above the order total, without changing anything', async () => {
    const sandbox = newSandbox();
    const id = await returned(sandbox);
    const currency = await finalize(sandbox, id, {
      chargeAmount: { amount: '50.00', currencyCode: 'EUR' },
      paymentIntent: 'Authorize',
    });
    expect([currency.status, currency.body['reasonCode']]).toEqual([400, 'CurrencyMismatch']);
    const mixed = await finalize(sandbox, id, {
      chargeAmount: usd('50.00'),
      totalOrderAmount: { amount: '50.00', currencyCode: 'EUR' },
      paymentIntent: 'Authorize',
    });
    expect([mixed.status, mixed.body['reasonCode']]).toEqual([400, 'CurrencyMismatch']);
    const over = await finalize(sandbox, id, {
      chargeAmount: usd('70.00'),
      totalOrderAmount: usd('60.00'),
      paymentIntent: 'Authorize',
    });
    expect([over.status, over.body['reasonCode']]).toEqual([400, 'InvalidParameterValue']);
    const missing = await finalize(sandbox, id, { chargeAmount: usd('50.00') });
    expect([missing.status, missing.body['reasonCode']]).toEqual([400, 'MissingParameterValue']);
    const session = await call(sandbox, 'GET', `checkoutSessions/${id}`);
    expect([state(session.body), (session.body['paymentDetails'] as Record<string, unknown>)['chargeAmount']]).toEqual([
      'Open',
      usd('50.00'),
    ]);
    expect(sandbox.store.permissions.size).toBe(0);
  });

  // Finalize confirms the amount the buyer saw and never changes it: a new amount is set with
  // Update before the redirect
  // (https://developer.amazon.com/docs/amazon-pay-buy-now-checkout/verify-and-complete-checkout.html).
  it('refuses an amount other than the session’s with 409 AmountMismatch and leaves the session as it was', async () => {
    const sandbox = newSandbox();
    const id = await returned(sandbox, { totalOrderAmount: '60.00' });
    const lower = await finalize(
      sandbox,
      id,
      await confirming(sandbox, id, { chargeAmount: usd('45.00'), totalOrderAmount: usd('60.00') }),
    );
    expect([lower.status, lower.body['reasonCode']]).toEqual([409, 'AmountMismatch']);
    const total = await finalize(sandbox, id, await confirming(sandbox, id, { totalOrderAmount: usd('70.00') }));
    expect([total.status, total.body['reasonCode']]).toEqual([409, 'AmountMismatch']);
    const session = await call(sandbox, 'GET', `checkoutSessions/${id}`);
    expect(state(session.body)).toBe('Open');
    expect(session.body['paymentDetails']).toMatchObject({ chargeAmount: usd('50.00'), totalOrderAmount: usd('60.00') });
    expect(sandbox.store.permissions.size).toBe(0);

    // The same amount written another way is the same amount.
    const same = await finalize(
      sandbox,
      id,
      await confirming(sandbox, id, { chargeAmount: { amount: '50', currencyCode: 'USD' }, totalOrderAmount: usd('60.00') }),
    );
    expect([same.status, state(same.body)]).toEqual([200, 'Completed']);
  });

  // https://developer.amazon.com/docs/amazon-pay-buy-now-checkout/verify-and-complete-checkout.html
  it('requires totalOrderAmount and supplementaryData once the session has them, and a PayAndShip shipping address: 400 MissingParameterValue', async () => {
    const sandbox = newSandbox();
    const id = await returned(sandbox, { totalOrderAmount: '60.00', supplementaryData: '{"channel":"test"}' });
    const full = await confirming(sandbox, id, { totalOrderAmount: usd('60.00'), supplementaryData: '{"channel":"test"}' });
    const without = (field: string) => Object.fromEntries(Object.entries(full).filter(([key]) => key !== field));
    for (const field of ['totalOrderAmount', 'supplementaryData', 'shippingAddress']) {
      const res = await finalize(sandbox, id, without(field));
      expect([res.status, res.body['reasonCode'], res.body['message']]).toEqual([
        400,
        'MissingParameterValue',
        `The mandatory field '${field}' is missing.`,
      ]);
    }
    const cleared = await finalize(sandbox, id, { ...full, supplementaryData: null });
    expect([cleared.status, cleared.body['reasonCode']]).toEqual([400, 'MissingParameterValue']);
    expect(state((await call(sandbox, 'GET', `checkoutSessions/${id}`)).body)).toBe('Open');
    expect(sandbox.store.permissions.size).toBe(0);

    const res = await finalize(sandbox, id, full);
    expect([res.status, state(res.body), res.body['supplementaryData']]).toEqual([200, 'Completed', '{"channel":"test"}']);
  });

  // The address must be the one Amazon shared
  // (https://developer.amazon.com/docs/amazon-pay-buy-now-checkout/verify-and-complete-checkout.html);
  // Amazon does not name the error, sandbox/README.md records the emulator's answer.
  it('refuses a shipping address other than the one Amazon shared with 400 InvalidParameterValue naming the field', async () => {
    const sandbox = newSandbox();
    const id = await returned(sandbox);
    const shared = await sharedAddress(sandbox, id);
    // Another address from the same Amazon address book, not the one the buyer picked.
    const janeAtWork = { ...findBuyerBySlug('jane')?.addresses[1] };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...shared, city: 'Tacoma' }, 'city'],
      [{ ...shared, addressLine2: 'Suite 2500' }, 'addressLine2'],
      [Object.fromEntries(Object.entries(shared).filter(([key]) => key !== 'postalCode')), 'postalCode'],
      [janeAtWork, 'addressLine1'],
    ];
    for (const [shippingAddress, field] of cases) {
      const res = await finalize(sandbox, id, await confirming(sandbox, id, { shippingAddress }));
      expect([res.status, res.body['reasonCode'], res.body['message']]).toEqual([
        400,
        'InvalidParameterValue',
        `shippingAddress.${field} does not match the address the buyer selected in Amazon Pay.`,
      ]);
    }
    const session = await call(sandbox, 'GET', `checkoutSessions/${id}`);
    expect([state(session.body), session.body['shippingAddress']]).toEqual(['Open', shared]);
    expect(sandbox.store.permissions.size).toBe(0);

    // Lines Amazon shared as null may be left out or sent empty.
    const repeated = { ...Object.fromEntries(Object.entries(shared).filter(([, value]) => value !== null)), addressLine3: '' };
    const res = await finalize(sandbox, id, await confirming(sandbox, id, { shippingAddress: repeated }));
    expect([res.status, state(res.body), res.body['shippingAddress']]).toEqual([200, 'Completed', shared]);
  });

  // For PayOnly the billing address takes the shipping address's place
  // (https://developer.amazon.com/docs/amazon-pay-buy-now-checkout/verify-and-complete-checkout.html).
  it('PayOnly needs no shipping address but repeats the billing address Amazon shared, when it shared one', async () => {
    const sandbox = newSandbox();
    const id = await startFromButton(sandbox, sessionPayload(), 'PayOnly');
    await shopperConfirms(sandbox, id);
    const shared = (await call(sandbox, 'GET', `checkoutSessions/${id}`)).body['billingAddress'] as Record<string, unknown>;
    const payment = { chargeAmount: usd('50.00'), paymentIntent: 'Authorize' };
    const missing = await finalize(sandbox, id, payment);
    expect([missing.status, missing.body['message']]).toEqual([400, "The mandatory field 'billingAddress' is missing."]);
    const other = await finalize(sandbox, id, { ...payment, billingAddress: { ...shared, name: 'Accounts Payable' } });
    expect([other.status, other.body['reasonCode'], other.body['message']]).toEqual([
      400,
      'InvalidParameterValue',
      'billingAddress.name does not match the address the buyer selected in Amazon Pay.',
    ]);
    const res = await finalize(sandbox, id, { ...payment, billingAddress: shared });
    expect([res.status, state(res.body), res.body['billingAddress']]).toEqual([200, 'Completed', shared]);

    // Scopes without billingAddress: Amazon shared none, so there is none to repeat.
    const unshared = await startFromButton(sandbox, sessionPayload({ scopes: ['name', 'email'] }), 'PayOnly');
    await shopperConfirms(sandbox, unshared);
    const plain = await finalize(sandbox, unshared, payment);
    expect([plain.status, state(plain.body)]).toEqual([200, 'Completed']);
  });

  // Finalizing a Completed session again answers as Complete does
  // (https://developer.amazon.com/docs/amazon-pay-checkout/faqs.html).
  it('is idempotent: the same key replays, another body with that key is refused, finalizing again is InvalidCheckoutSessionStatus', async () => {
    const sandbox = newSandbox();
    const id = await returned(sandbox);
    const headers = { 'x-amz-pay-idempotency-key': 'finalize-order-1' };
    const payload = await confirming(sandbox, id);
    const first = await finalize(sandbox, id, payload, { headers });
    const replay = await finalize(sandbox, id, payload, { headers });
    expect(replay.status).toBe(200);
    expect(replay.body['chargeId']).toBe(first.body['chargeId']);
    expect(sandbox.store.charges.size).toBe(1);
    const other = await finalize(sandbox, id, { ...payload, chargeAmount: usd('40.00') }, { headers });
    expect([other.status, other.body['reasonCode']]).toEqual([400, 'DuplicateIdempotencyKey']);
    const again = await finalize(sandbox, id, payload);
    expect([again.status, again.body['reasonCode']]).toEqual([422, 'InvalidCheckoutSessionStatus']);
    expect(sandbox.store.charges.size).toBe(1);
  });

  it('honours Complete’s simulation codes: BuyerCanceled, AmazonCanceled, Declined cancel; AuthorizationInitiated pends; others are 400', async () => {
    const sandbox = newSandbox();
    for (const code of ['BuyerCanceled', 'AmazonCanceled', 'Declined']) {
      const id = await returned(sandbox);
      const res = await finalize(sandbox, id, await confirming(sandbox, id), { simulation: code });
      expect([res.status, res.body['reasonCode']]).toEqual([422, 'CheckoutSessionCanceled']);
      const session = await call(sandbox, 'GET', `checkoutSessions/${id}`);
      expect([state(session.body), reasonCode(session.body)]).toEqual(['Canceled', code]);
    }
    const id = await returned(sandbox);
    const pending = await finalize(sandbox, id, await confirming(sandbox, id, { canHandlePendingAuthorization: true }), {
      simulation: 'AuthorizationInitiated',
    });
    const chargeId = String(pending.body['chargeId']);
    expect(state((await call(sandbox, 'GET', `charges/${chargeId}`)).body)).toBe('AuthorizationInitiated');
    sandbox.advance(30);
    expect(state((await call(sandbox, 'GET', `charges/${chargeId}`)).body)).toBe('Authorized');

    const other = await returned(sandbox);
    const unknown = await finalize(sandbox, other, await confirming(sandbox, other), { simulation: 'HardDeclined' });
    expect([unknown.status, unknown.body['reasonCode']]).toEqual([400, 'InvalidSandboxSimulationSpecified']);
    expect(state((await call(sandbox, 'GET', `checkoutSessions/${other}`)).body)).toBe('Open');
  });

  // https://developer.amazon.com/docs/amazon-pay-checkout/sandbox-simulations.html
  it('honours the magic cards: 0701 and 4354 pend, 3064 already canceled, 4354 finalized without pending support is refused', async () => {
    const sandbox = newSandbox();
    const authorized = await returned(sandbox, { card: '0701' });
    const ok = await finalize(
      sandbox,
      authorized,
      await confirming(sandbox, authorized, { canHandlePendingAuthorization: true }),
    );
    const declined = await returned(sandbox, { buyer: 'olivia', card: '4354', canHandlePendingAuthorization: true });
    const bad = await finalize(sandbox, declined, await confirming(sandbox, declined, { canHandlePendingAuthorization: true }));
    for (const res of [ok, bad])
      expect(state((await call(sandbox, 'GET', `charges/${String(res.body['chargeId'])}`)).body)).toBe('AuthorizationInitiated');
    sandbox.advance(30);
    expect(state((await call(sandbox, 'GET', `charges/${String(ok.body['chargeId'])}`)).body)).toBe('Authorized');
    const declinedCharge = await call(sandbox, 'GET', `charges/${String(bad.body['chargeId'])}`);
    expect([state(declinedCharge.body), reasonCode(declinedCharge.body)]).toEqual(['Declined', 'HardDeclined']);

    const canceled = await returned(sandbox, { card: '3064' });
    const refused = await finalize(sandbox, canceled, await confirming(sandbox, canceled));
    expect([refused.status, refused.body['reasonCode']]).toEqual([422, 'CheckoutSessionCanceled']);

    // The card's prerequisite is judged on the intent Finalize sets.
    const switched = await returned(sandbox, { buyer: 'olivia', card: '4354', paymentIntent: 'Confirm' });
    const res = await finalize(sandbox, switched, await confirming(sandbox, switched, { canHandlePendingAuthorization: false }));
    expect([res.status, res.body['reasonCode']]).toEqual([400, 'InvalidParameterCombination']);
    const session = await call(sandbox, 'GET', `checkoutSessions/${switched}`);
    expect(state(session.body)).toBe('Open');
  });

  it('answers injected faults on its own operation name, and the retry with the same key succeeds', async () => {
    const sandbox = newSandbox();
    const id = await returned(sandbox);
    await control(sandbox, 'POST', 'faults', { operation: 'finalizeCheckoutSession', status: 503 });
    const headers = { 'x-amz-pay-idempotency-key': 'finalize-retry-1' };
    const payload = await confirming(sandbox, id);
    const failed = await finalize(sandbox, id, payload, { headers });
    expect([failed.status, failed.body['reasonCode']]).toEqual([503, 'ServiceUnavailable']);
    const retried = await finalize(sandbox, id, payload, { headers });
    expect([retried.status, state(retried.body)]).toEqual([200, 'Completed']);
  });
});
