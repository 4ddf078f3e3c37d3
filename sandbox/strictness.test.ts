import { describe, expect, it } from 'vitest';
import { formatAmazonTimestamp } from '@/lib/amazon-pay/signing';
import {
  call,
  clickButton,
  completed,
  control,
  newSandbox,
  readyToComplete,
  reasonCode,
  sessionPayload,
  shopperConfirms,
  START,
  startFromButton,
  state,
} from '@/test/sandbox-sdk';

/**
 * The emulator refuses what Amazon refuses. Every request is signed by the official Node SDK
 * (test/sandbox-sdk.ts); each test names the public page its rule comes from.
 */

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

async function createSession(sandbox: ReturnType<typeof newSandbox>, extra: Record<string, unknown> = {}) {
  return call(sandbox, 'POST', 'checkoutSessions', { payload: sessionPayload(extra) });
}

describe('unknown fields (https://developer.amazon.com/docs/amazon-pay-api-v2/error-handling.html)', () => {
  it.each([
    ['a misspelled top-level field', { merchantMetaData: { merchantReferenceId: 'A-1' } }, 'merchantMetaData'],
    [
      'a misspelled nested field',
      { paymentDetails: { chargeAmmount: usd('1.00'), paymentIntent: 'Authorize' } },
      'paymentDetails.chargeAmmount',
    ],
    [
      'an unknown field in a price',
      { paymentDetails: { chargeAmount: { ...usd('1.00'), value: 1 } } },
      'paymentDetails.chargeAmount.value',
    ],
    ['productType, which is the button’s option', { productType: 'PayOnly' }, 'productType'],
  ])('createCheckoutSession with %s answers 400 UnrecognizedField', async (_label, extra, field) => {
    const sandbox = newSandbox();
    const res = await createSession(sandbox, extra);
    expect([res.status, res.body['reasonCode']]).toEqual([400, 'UnrecognizedField']);
    expect(res.body['message']).toBe(`The field '${field}' is invalid for this API.`);
    expect(sandbox.store.sessions.size).toBe(0);
  });

  it('Update, Complete, createCharge and createRefund refuse unknown fields too', async () => {
    const sandbox = newSandbox();
    const created = await createSession(sandbox);
    const id = String(created.body['checkoutSessionId']);
    const update = await call(sandbox, 'PATCH', `checkoutSessions/${id}`, { payload: { paymentDetail: {} } });
    expect([update.status, update.body['reasonCode']]).toEqual([400, 'UnrecognizedField']);

    const ready = await readyToComplete(sandbox);
    const complete = await call(sandbox, 'POST', `checkoutSessions/${ready}/complete`, {
      payload: { chargeAmount: usd('50.00'), note: 'x' },
    });
    expect([complete.status, complete.body['reasonCode']]).toEqual([400, 'UnrecognizedField']);

    const { chargePermissionId, chargeId } = await completed(sandbox, { paymentIntent: 'AuthorizeWithCapture' });
    const charge = await call(sandbox, 'POST', 'charges', {
      payload: { chargePermissionId, chargeAmount: usd('1.00'), captureNOW: true },
    });
    expect([charge.status, charge.body['reasonCode']]).toEqual([400, 'UnrecognizedField']);
    const refund = await call(sandbox, 'POST', 'refunds', { payload: { chargeId, refundAmount: usd('1.00'), reason: 'x' } });
    expect([refund.status, refund.body['reasonCode']]).toEqual([400, 'UnrecognizedField']);
  });

  it('the button’s payloadJSON is held to the same rule, for checkout and for sign-in', async () => {
    const sandbox = newSandbox();
    const checkout = await clickButton(sandbox, sessionPayload({ merchantMetaData: {} }));
    expect([checkout.status, checkout.body['reasonCode']]).toEqual([400, 'UnrecognizedField']);
    const signIn = await clickButton(
      sandbox,
      { signInReturnUrl: 'https://shop.test/account', storeId: 'amzn1.s', signInScope: ['name'] },
      'SignIn',
    );
    expect([signIn.status, signIn.body['reasonCode']]).toEqual([400, 'UnrecognizedField']);
    expect(sandbox.store.sessions.size + sandbox.store.signIns.size).toBe(0);
  });
});

describe('documented fields are taken, not dropped (the .NET SDK request classes, https://github.com/amzn/amazon-pay-api-sdk-dotnet)', () => {
  it('addressDetails, paymentMethodOnFileMetadata and providerMetadata come back on the Checkout Session', async () => {
    const sandbox = newSandbox();
    const res = await createSession(sandbox, {
      webCheckoutDetails: { checkoutResultReturnUrl: 'https://shop.test/result', checkoutMode: 'ProcessOrder' },
      chargePermissionType: 'PaymentMethodOnFile',
      paymentMethodOnFileMetadata: { setupOnly: true },
      providerMetadata: { providerReferenceId: 'PSP-1' },
      addressDetails: {
        name: 'Paul Smith',
        addressLine1: '9999 First Avenue',
        city: 'New York',
        stateOrRegion: 'NY',
        postalCode: '10016',
        countryCode: 'US',
        districtOrCounty: 'Manhattan',
        phoneNumber: '212555555',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body['paymentMethodOnFileMetadata']).toEqual({ setupOnly: true });
    expect(res.body['providerMetadata']).toEqual({ providerReferenceId: 'PSP-1' });
    expect(res.body['shippingAddress']).toMatchObject({ name: 'Paul Smith', city: 'New York', county: 'Manhattan' });
  });
});

describe('Complete Checkout Session (https://developer.amazon.com/docs/amazon-pay-checkout/faqs.html)', () => {
  it('a buyer cancel answers CheckoutSessionCanceled, the cause in statusDetails.reasonCode (WooCommerce reads it so)', async () => {
    const sandbox = newSandbox();
    const id = await readyToComplete(sandbox, { card: '3064' });
    const res = await call(sandbox, 'POST', `checkoutSessions/${id}/complete`, { payload: { chargeAmount: usd('50.00') } });
    expect([res.status, res.body['reasonCode']]).toEqual([422, 'CheckoutSessionCanceled']);
    const session = await call(sandbox, 'GET', `checkoutSessions/${id}`);
    expect([state(session.body), reasonCode(session.body)]).toEqual(['Canceled', 'BuyerCanceled']);
  });
});

describe('simulation codes on Update Checkout Session (https://developer.amazon.com/docs/amazon-pay-checkout/sandbox-simulations.html)', () => {
  it('are accepted as WooCommerce and SFCC send them, and Complete applies them', async () => {
    const sandbox = newSandbox();
    const created = await createSession(sandbox);
    const id = String(created.body['checkoutSessionId']);
    await control(sandbox, 'POST', `checkout-sessions/${id}/buyer`, { buyer: 'jane', card: '1111' });
    const update = await call(sandbox, 'PATCH', `checkoutSessions/${id}`, {
      payload: {
        webCheckoutDetails: { checkoutResultReturnUrl: 'https://shop.test/result' },
        paymentDetails: { paymentIntent: 'Authorize', chargeAmount: usd('50.00') },
      },
      simulation: 'Declined',
    });
    expect(update.status).toBe(200);
    await control(sandbox, 'POST', `checkout-sessions/${id}/redirect`);
    const res = await call(sandbox, 'POST', `checkoutSessions/${id}/complete`, { payload: { chargeAmount: usd('50.00') } });
    expect([res.status, res.body['reasonCode']]).toEqual([422, 'CheckoutSessionCanceled']);
    expect(reasonCode((await call(sandbox, 'GET', `checkoutSessions/${id}`)).body)).toBe('Declined');

    const unknown = await call(
      sandbox,
      'PATCH',
      `checkoutSessions/${String((await createSession(sandbox)).body['checkoutSessionId'])}`,
      {
        payload: {},
        simulation: 'HardDeclined',
      },
    );
    expect([unknown.status, unknown.body['reasonCode']]).toEqual([400, 'InvalidSandboxSimulationSpecified']);
  });
});

describe('charges (https://developer.amazon.com/docs/amazon-pay-api-v2/charge.html)', () => {
  it('a charge in another currency than the permission’s is 400 CurrencyMismatch, and the permission still reads', async () => {
    const sandbox = newSandbox();
    const { chargePermissionId } = await completed(sandbox, { paymentIntent: 'Confirm' });
    const res = await call(sandbox, 'POST', 'charges', {
      payload: { chargePermissionId, chargeAmount: { amount: '10.00', currencyCode: 'EUR' } },
    });
    expect([res.status, res.body['reasonCode']]).toEqual([400, 'CurrencyMismatch']);
    const permission = await call(sandbox, 'GET', `chargePermissions/${chargePermissionId}`);
    expect([permission.status, permission.body['limits']]).toEqual([
      200,
      { amountLimit: usd('50.00'), amountBalance: usd('50.00') },
    ]);
    expect(sandbox.store.charges.size).toBe(0);
  });

  it('softDescriptor is refused without captureNow (400 InvalidParameterCombination) and kept with it', async () => {
    const sandbox = newSandbox();
    const { chargePermissionId } = await completed(sandbox, { paymentIntent: 'Confirm' });
    for (const captureNow of [undefined, false]) {
      const refused = await call(sandbox, 'POST', 'charges', {
        payload: {
          chargePermissionId,
          chargeAmount: usd('10.00'),
          softDescriptor: 'SHOP*1',
          ...(captureNow === false ? { captureNow } : {}),
        },
      });
      expect([refused.status, refused.body['reasonCode']]).toEqual([400, 'InvalidParameterCombination']);
    }
    const taken = await call(sandbox, 'POST', 'charges', {
      payload: { chargePermissionId, chargeAmount: usd('10.00'), softDescriptor: 'SHOP*1', captureNow: true },
    });
    expect([taken.status, state(taken.body), taken.body['softDescriptor']]).toEqual([201, 'Captured', 'SHOP*1']);
  });

  it('carries platformId, webCheckoutDetails, channel and chargeInitiator as the Node SDK tests read them', async () => {
    const sandbox = newSandbox();
    const { chargePermissionId, chargeId } = await completed(sandbox, { paymentIntent: 'Authorize' });
    const fromCheckout = await call(sandbox, 'GET', `charges/${chargeId}`);
    expect(fromCheckout.body).toMatchObject({
      platformId: null,
      webCheckoutDetails: { checkoutResultReturnUrl: 'https://shop.test/checkout/result' },
      channel: 'Web',
      chargeInitiator: 'CITU',
    });
    await call(sandbox, 'DELETE', `charges/${chargeId}/cancel`, { payload: { cancellationReason: 'test' } });
    const created = await call(sandbox, 'POST', 'charges', {
      payload: {
        chargePermissionId,
        chargeAmount: usd('5.00'),
        platformId: 'SPID123',
        channel: 'Phone',
        chargeInitiator: 'MITU',
        providerMetadata: { providerReferenceId: 'PSP-2' },
        webCheckoutDetails: { checkoutResultReturnUrl: 'https://shop.test/mfa' },
      },
    });
    expect(created.body).toMatchObject({
      platformId: 'SPID123',
      channel: 'Phone',
      chargeInitiator: 'MITU',
      providerMetadata: { providerReferenceId: 'PSP-2' },
      webCheckoutDetails: { checkoutResultReturnUrl: 'https://shop.test/mfa' },
    });
  });
});

describe('buyer data follows scopes (https://amazonpay-onboarding.com/en/specification/parameter/scopes)', () => {
  const buyerData = (body: Record<string, unknown>) => ({
    phoneNumber: (body['buyer'] as Record<string, unknown>)['phoneNumber'],
    billingAddress: body['billingAddress'] === null ? null : 'given',
  });

  it('without scopes PayAndShip shows name and email only, PayOnly also phone and billing address', async () => {
    const sandbox = newSandbox();
    const shipped = await call(sandbox, 'GET', `checkoutSessions/${await readyToComplete(sandbox)}`);
    expect((shipped.body['buyer'] as Record<string, unknown>)['name']).toBe('Jane Doe');
    expect(buyerData(shipped.body)).toEqual({ phoneNumber: null, billingAddress: null });

    const payOnly = await startFromButton(sandbox, sessionPayload(), 'PayOnly');
    await shopperConfirms(sandbox, payOnly);
    expect(buyerData((await call(sandbox, 'GET', `checkoutSessions/${payOnly}`)).body)).toEqual({
      phoneNumber: '+1 206 555 0100',
      billingAddress: 'given',
    });
  });

  it('with scopes exactly what they name, on the session and on its Charge Permission', async () => {
    const sandbox = newSandbox();
    const created = await createSession(sandbox, { scopes: ['name', 'phoneNumber'] });
    const id = String(created.body['checkoutSessionId']);
    await shopperConfirms(sandbox, id);
    const session = await call(sandbox, 'GET', `checkoutSessions/${id}`);
    expect(session.body['buyer']).toMatchObject({ name: 'Jane Doe', email: null, phoneNumber: '+1 206 555 0100' });
    const done = await call(sandbox, 'POST', `checkoutSessions/${id}/complete`, { payload: { chargeAmount: usd('50.00') } });
    const permission = await call(sandbox, 'GET', `chargePermissions/${String(done.body['chargePermissionId'])}`);
    expect(permission.body['buyer']).toMatchObject({ email: null, phoneNumber: '+1 206 555 0100' });
    expect(permission.body['billingAddress']).toBeNull();
  });

  it('getBuyer after sign-in: name and email by default, more only when signInScopes ask', async () => {
    const sandbox = newSandbox();
    const buyerId = 'amzn1.account.SANDBOXBUYERJANEDOE0000000001';
    const tokenFor = (scopes: string[]) => {
      sandbox.store.signIns.set('flow', { signInReturnUrl: 'https://shop.test/r', storeId: 's', scopes });
      return sandbox.store.signInBuyer('flow', buyerId);
    };
    const plain = await call(sandbox, 'GET', `buyers/${tokenFor([])}`);
    expect(plain.body).toMatchObject({
      buyerId,
      name: 'Jane Doe',
      email: 'jane.doe@example.com',
      postalCode: null,
      shippingAddress: null,
    });
    const more = await call(sandbox, 'GET', `buyers/${tokenFor(['email', 'shippingAddress'])}`);
    expect(more.body).toMatchObject({ name: null, email: 'jane.doe@example.com', shippingAddress: { city: 'Seattle' } });
  });
});

describe('response keys the official Node SDK tests assert (https://github.com/amzn/amazon-pay-api-sdk-nodejs, tst/)', () => {
  it('CheckoutSession carries merchantDetails and tokens', async () => {
    const sandbox = newSandbox();
    const created = await createSession(sandbox);
    expect(created.body).toHaveProperty('merchantDetails');
    expect(created.body).toHaveProperty('tokens');
  });

  it('report documents have Amazon’s id shape, amzn1.tortuga.3.<uuid>.<suffix>', async () => {
    const sandbox = newSandbox();
    await completed(sandbox, { paymentIntent: 'AuthorizeWithCapture' });
    const ts = (ms: number) => formatAmazonTimestamp(new Date(ms));
    const created = await call(sandbox, 'POST', 'reports', {
      payload: {
        reportType: '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_',
        startTime: ts(START - 3600_000),
        endTime: ts(START + 3600_000),
      },
    });
    sandbox.advance(10);
    const report = await call(sandbox, 'GET', `reports/${String(created.body['reportId'])}`);
    const documentId = String(report.body['reportDocumentId']);
    expect(documentId).toMatch(/^amzn1\.tortuga\.3\.[0-9a-f-]{36}\.T[0-9A-F]{13}$/);
    expect((await call(sandbox, 'GET', `report-documents/${documentId}`)).status).toBe(200);
  });
});
