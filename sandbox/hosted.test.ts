import { describe, expect, it } from 'vitest';
import { call, clientHelper, KEY_ID, KEYS, newSandbox, state } from '@/test/sandbox-sdk';

const signConfig = {
  publicKeyId: KEY_ID,
  privateKey: KEYS.privateKey,
  region: 'us',
  sandbox: true,
  algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
};

function buttonConfig(payload: Record<string, unknown>) {
  const payloadJSON = JSON.stringify(payload);
  return {
    payloadJSON,
    signature: clientHelper.signPayload(signConfig, payloadJSON),
    publicKeyId: KEY_ID,
    algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
  };
}

const checkoutPayload = (extra: Record<string, unknown> = {}) => ({
  storeId: 'amzn1.application-oa2-client.sandboxstore',
  webCheckoutDetails: { checkoutReviewReturnUrl: 'https://shop.test/checkout/review?step=2' },
  ...extra,
});

async function postJson(sandbox: ReturnType<typeof newSandbox>, path: string, body: unknown) {
  return sandbox.handle(
    new Request(`http://sandbox.test${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

async function postForm(sandbox: ReturnType<typeof newSandbox>, path: string, fields: Record<string, string>) {
  return sandbox.handle(
    new Request(`http://sandbox.test${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    }),
  );
}

async function get(sandbox: ReturnType<typeof newSandbox>, pathOrUrl: string) {
  return sandbox.handle(new Request(new URL(pathOrUrl, 'http://sandbox.test')));
}

describe('hosted pages', () => {
  it('runs the whole buyer journey: button → sign-in → selection → review URL → processing → result URL', async () => {
    const sandbox = newSandbox();
    const start = await postJson(sandbox, '/checkout/start', {
      kind: 'checkout',
      merchantId: 'M1',
      ledgerCurrency: 'EUR',
      productType: 'PayAndShip',
      config: buttonConfig(
        checkoutPayload({
          deliverySpecifications: {
            specialRestrictions: ['RestrictPackstations'],
            addressRestrictions: { type: 'Allowed', restrictions: { DE: {} } },
          },
        }),
      ),
    });
    expect(start.status).toBe(200);
    const { redirectUrl } = (await start.json()) as { redirectUrl: string };
    const sessionId = new URL(redirectUrl).searchParams.get('amazonCheckoutSessionId') ?? '';
    expect(redirectUrl).toBe(`http://sandbox.test/checkout/signin?amazonCheckoutSessionId=${sessionId}`);

    const signIn = await (await get(sandbox, redirectUrl)).text();
    for (const id of ['sandbox-buyer-jane', 'sandbox-buyer-max', 'sandbox-buyer-olivia', 'sandbox-signin-continue'])
      expect(signIn).toContain(`id="${id}"`);
    // EUR with no checkoutLanguage: the region's first language, en_GB.
    expect(signIn).toContain('<html lang="en-GB">');
    expect(signIn).toMatch(/<header>[\s\S]*<main id="sandbox-main">[\s\S]*<footer>/);

    const chosen = await postForm(sandbox, '/checkout/signin', { amazonCheckoutSessionId: sessionId, buyer: 'max' });
    expect(chosen.status).toBe(303);
    const selection = await (await get(sandbox, chosen.headers.get('location') ?? '')).text();
    // Allowed: DE only, and no Packstation → Berlin selectable; Packstation, Vienna, Paris disabled.
    expect(selection).toMatch(/id="sandbox-address-0" value="0" checked/);
    for (const i of [1, 2, 3]) expect(selection).toMatch(new RegExp(`id="sandbox-address-${i}" value="${i}" disabled`));
    expect(selection).toContain('id="sandbox-card-0005"');
    expect(selection).toContain('id="sandbox-continue"');
    // Every radio sits in a label tied to it.
    const radios = [...selection.matchAll(/<input type="radio"[^>]*id="([^"]+)"/g)].map((m) => m[1]);
    expect(radios.length).toBe(7);
    for (const id of radios) expect(selection).toContain(`for="${id ?? ''}"`);

    const refused = await postForm(sandbox, '/checkout/select', {
      amazonCheckoutSessionId: sessionId,
      buyer: 'max',
      address: '2',
      card: 'max-mc-0005',
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('does not deliver');

    const selected = await postForm(sandbox, '/checkout/select', {
      amazonCheckoutSessionId: sessionId,
      buyer: 'max',
      address: '0',
      card: 'max-mc-0005',
    });
    expect(selected.status).toBe(303);
    expect(selected.headers.get('location')).toBe(
      `https://shop.test/checkout/review?step=2&amazonCheckoutSessionId=${sessionId}`,
    );

    const patched = await call(sandbox, 'PATCH', `checkoutSessions/${sessionId}`, {
      payload: {
        webCheckoutDetails: { checkoutResultReturnUrl: 'https://shop.test/checkout/result' },
        paymentDetails: { paymentIntent: 'Authorize', chargeAmount: { amount: '19.99', currencyCode: 'EUR' } },
      },
    });
    expect(patched.body['shippingAddress']).toMatchObject({ city: 'Berlin' });
    const redirect = String((patched.body['webCheckoutDetails'] as Record<string, unknown>)['amazonPayRedirectUrl']);
    const processing = await get(sandbox, redirect);
    expect(processing.status).toBe(303);
    expect(processing.headers.get('location')).toBe(`https://shop.test/checkout/result?amazonCheckoutSessionId=${sessionId}`);
    const reload = await get(sandbox, redirect);
    expect(reload.headers.get('location')).toBe(processing.headers.get('location'));
    const complete = await call(sandbox, 'POST', `checkoutSessions/${sessionId}/complete`, {
      payload: { chargeAmount: { amount: '19.99', currencyCode: 'EUR' } },
    });
    expect(state(complete.body)).toBe('Completed');
  });

  it('the change action re-opens the selection for the same buyer', async () => {
    const sandbox = newSandbox();
    const start = await postJson(sandbox, '/checkout/start', {
      kind: 'checkout',
      merchantId: 'M1',
      ledgerCurrency: 'USD',
      config: buttonConfig(checkoutPayload()),
    });
    const sessionId =
      new URL(((await start.json()) as { redirectUrl: string }).redirectUrl).searchParams.get('amazonCheckoutSessionId') ?? '';
    await postForm(sandbox, '/checkout/select', {
      amazonCheckoutSessionId: sessionId,
      buyer: 'jane',
      address: '1',
      card: 'jane-visa-0701',
    });
    const page = await (
      await get(sandbox, `/checkout/change?amazonCheckoutSessionId=${sessionId}&changeAction=changeAddress`)
    ).text();
    expect(page).toMatch(/id="sandbox-address-1" value="1" checked/);
    expect(page).toMatch(/id="sandbox-card-0701" value="jane-visa-0701" checked/);
  });

  it('refuses a button whose signature does not match payloadJSON, as the real button does', async () => {
    const sandbox = newSandbox();
    const config = buttonConfig(checkoutPayload());
    const escaped = { ...config, payloadJSON: config.payloadJSON.replace(/\//g, '\\/') };
    const res = await postJson(sandbox, '/checkout/start', {
      kind: 'checkout',
      merchantId: 'M1',
      ledgerCurrency: 'USD',
      config: escaped,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ reasonCode: 'InvalidSignatureError' });
    const wrongAlgorithm = await postJson(sandbox, '/checkout/start', {
      kind: 'checkout',
      merchantId: 'M1',
      ledgerCurrency: 'USD',
      config: { ...config, algorithm: 'AMZN-PAY-RSASSA-PSS' },
    });
    expect(await wrongAlgorithm.json()).toMatchObject({ reasonCode: 'InvalidSignatureError' });
  });

  it.each([
    [['name', 'email'], { name: 'Olivia Smith', email: 'olivia.smith@example.co.uk', countryCode: null }],
    [['name'], { name: 'Olivia Smith', email: null }],
  ])(
    'sign-in with signInScopes %j: signInReturnUrl?buyerToken=…, then getBuyer answers only those',
    async (signInScopes, expected) => {
      const sandbox = newSandbox();
      const start = await postJson(sandbox, '/checkout/start', {
        kind: 'signin',
        merchantId: 'M1',
        ledgerCurrency: 'GBP',
        productType: 'SignIn',
        config: buttonConfig({
          signInReturnUrl: 'https://shop.test/account/amazon',
          storeId: 'amzn1.application-oa2-client.sandboxstore',
          signInScopes,
        }),
      });
      const { redirectUrl } = (await start.json()) as { redirectUrl: string };
      const page = await (await get(sandbox, redirectUrl)).text();
      expect(page).toContain('id="sandbox-buyer-olivia"');
      const back = await postForm(sandbox, '/signin', {
        token: new URL(redirectUrl).searchParams.get('token') ?? '',
        buyer: 'olivia',
      });
      const location = new URL(back.headers.get('location') ?? '');
      expect(location.origin + location.pathname).toBe('https://shop.test/account/amazon');
      // The buyer data the scopes asked for, nothing more
      // (https://developer.amazon.com/docs/amazon-pay-paymentmethodonfile-signinandsetup/verify-and-complete-checkout.html).
      const buyer = await call(sandbox, 'GET', `buyers/${location.searchParams.get('buyerToken') ?? ''}`);
      expect(buyer.body).toMatchObject(expected);
    },
  );

  it('the processing page refuses a session that still has constraints', async () => {
    const sandbox = newSandbox();
    const start = await postJson(sandbox, '/checkout/start', {
      kind: 'checkout',
      merchantId: 'M1',
      ledgerCurrency: 'USD',
      config: buttonConfig(checkoutPayload()),
    });
    const sessionId =
      new URL(((await start.json()) as { redirectUrl: string }).redirectUrl).searchParams.get('amazonCheckoutSessionId') ?? '';
    const res = await get(sandbox, `/checkout/processing?amazonCheckoutSessionId=${sessionId}`);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('id="sandbox-error-code"');
  });

  // webCheckoutDetails.checkoutCancelUrl (https://developer.amazon.com/docs/amazon-pay-api-v2/checkout-session.html):
  // the hosted page's cancel link goes there, query and all; without it, to the shop's home page.
  it.each([
    [{ checkoutCancelUrl: 'https://shop.test/cart?payment=BuyerCanceled' }, 'https://shop.test/cart?payment=BuyerCanceled'],
    [{}, 'https://shop.test/'],
  ])('the cancel link honours checkoutCancelUrl (%o)', async (cancel, expected) => {
    const sandbox = newSandbox();
    const payload = checkoutPayload({
      webCheckoutDetails: { checkoutReviewReturnUrl: 'https://shop.test/checkout/review?step=2', ...cancel },
    });
    const start = await postJson(sandbox, '/checkout/start', {
      kind: 'checkout',
      merchantId: 'M1',
      ledgerCurrency: 'USD',
      config: buttonConfig(payload),
    });
    const { redirectUrl } = (await start.json()) as { redirectUrl: string };
    const sessionId = new URL(redirectUrl).searchParams.get('amazonCheckoutSessionId') ?? '';
    const selection = await (await get(sandbox, `/checkout/select?amazonCheckoutSessionId=${sessionId}&buyer=jane`)).text();
    expect(selection).toContain(`id="sandbox-cancel" href="${expected}"`);
  });

  // checkoutLanguage sets the language of Amazon's hosted pages
  // (https://developer.amazon.com/docs/amazon-pay-checkout/amazon-pay-script.html).
  it.each([
    ['en_US', 'USD', 'en', 'Sign in with Amazon', 'Payment method'],
    ['en_GB', 'GBP', 'en-GB', 'Sign in with Amazon', 'Payment method'],
    ['de_DE', 'EUR', 'de', 'Mit Amazon anmelden', 'Zahlungsart'],
    ['fr_FR', 'EUR', 'fr', 'Se connecter avec Amazon', 'Moyen de paiement'],
    ['it_IT', 'EUR', 'it', 'Accedi con Amazon', 'Metodo di pagamento'],
    ['es_ES', 'EUR', 'es', 'Iniciar sesión con Amazon', 'Método de pago'],
    ['ja_JP', 'JPY', 'ja', 'Amazon でサインイン', 'お支払い方法'],
  ])('renders the hosted pages in %s', async (checkoutLanguage, ledgerCurrency, htmlLang, heading, paymentLegend) => {
    const sandbox = newSandbox();
    const start = await postJson(sandbox, '/checkout/start', {
      kind: 'checkout',
      merchantId: 'M1',
      ledgerCurrency,
      checkoutLanguage,
      config: buttonConfig(checkoutPayload()),
    });
    const { redirectUrl } = (await start.json()) as { redirectUrl: string };
    const signIn = await (await get(sandbox, redirectUrl)).text();
    expect(signIn).toContain(`<html lang="${htmlLang}">`);
    expect(signIn).toContain(`<h1>${heading}</h1>`);
    const sessionId = new URL(redirectUrl).searchParams.get('amazonCheckoutSessionId') ?? '';
    const selection = await (await get(sandbox, `/checkout/select?amazonCheckoutSessionId=${sessionId}&buyer=max`)).text();
    expect(selection).toContain(`<legend>${paymentLegend}</legend>`);
  });

  it('refuses a checkoutLanguage the ledger currency does not offer', async () => {
    const sandbox = newSandbox();
    const start = await postJson(sandbox, '/checkout/start', {
      kind: 'checkout',
      merchantId: 'M1',
      ledgerCurrency: 'USD',
      checkoutLanguage: 'fr_FR',
      config: buttonConfig(checkoutPayload()),
    });
    expect(start.status).toBe(400);
    expect(await start.json()).toMatchObject({ reasonCode: 'InvalidParameterError' });
    expect(sandbox.store.sessions.size).toBe(0);
  });
});

// The additional payment button: checkoutMode ProcessOrder, payment details and (for physical goods) addressDetails
// in the signed payload; the buyer pays on Amazon's page and returns to checkoutResultReturnUrl
// (https://developer.amazon.com/docs/amazon-pay-apb-checkout/additional-payment-button-overview.html).
describe('additional payment button (ProcessOrder)', () => {
  const addressDetails = {
    name: 'Erika Mustermann',
    addressLine1: 'Heidestraße 17',
    city: 'Köln',
    districtOrCounty: 'Ehrenfeld',
    postalCode: '51147',
    countryCode: 'DE',
    phoneNumber: '+49 221 0000000',
  };
  const apbPayload = (extra: Record<string, unknown> = {}) => ({
    storeId: 'amzn1.application-oa2-client.sandboxstore',
    webCheckoutDetails: { checkoutMode: 'ProcessOrder', checkoutResultReturnUrl: 'https://shop.test/checkout/result?order=7' },
    paymentDetails: { paymentIntent: 'Authorize', chargeAmount: { amount: '24.90', currencyCode: 'EUR' } },
    addressDetails,
    ...extra,
  });
  const startApb = (sandbox: ReturnType<typeof newSandbox>, payload: Record<string, unknown>, productType = 'PayAndShip') =>
    postJson(sandbox, '/checkout/start', {
      kind: 'checkout',
      merchantId: 'M1',
      ledgerCurrency: 'EUR',
      productType,
      checkoutLanguage: 'de_DE',
      config: buttonConfig(payload),
    });

  it('runs end to end: button → sign-in → pay on Amazon → checkoutResultReturnUrl → Complete', async () => {
    const sandbox = newSandbox();
    const start = await startApb(sandbox, apbPayload());
    expect(start.status).toBe(200);
    const { redirectUrl } = (await start.json()) as { redirectUrl: string };
    const sessionId = new URL(redirectUrl).searchParams.get('amazonCheckoutSessionId') ?? '';
    await postForm(sandbox, '/checkout/signin', { amazonCheckoutSessionId: sessionId, buyer: 'max' });

    const page = await (await get(sandbox, `/checkout/select?amazonCheckoutSessionId=${sessionId}&buyer=max`)).text();
    // The merchant's address is shown, not offered for change; the button pays.
    expect(page).toContain('id="sandbox-merchant-address"');
    expect(page).toContain('Heidestraße 17, Köln, 51147, DE');
    expect(page).not.toContain('name="address"');
    expect(page).toContain('Gesamtbetrag: <strong id="sandbox-amount">');
    expect(page).toMatch(/id="sandbox-continue">Jetzt bezahlen</);

    const paid = await postForm(sandbox, '/checkout/select', {
      amazonCheckoutSessionId: sessionId,
      buyer: 'max',
      card: 'max-mc-0005',
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`https://shop.test/checkout/result?order=7&amazonCheckoutSessionId=${sessionId}`);

    const session = await call(sandbox, 'GET', `checkoutSessions/${sessionId}`);
    expect(session.body['shippingAddress']).toMatchObject({
      name: 'Erika Mustermann',
      addressLine1: 'Heidestraße 17',
      city: 'Köln',
      county: 'Ehrenfeld',
      countryCode: 'DE',
    });
    expect(session.body['webCheckoutDetails']).toMatchObject({ checkoutMode: 'ProcessOrder', amazonPayRedirectUrl: null });
    expect(session.body['constraints']).toEqual([]);
    const complete = await call(sandbox, 'POST', `checkoutSessions/${sessionId}/complete`, {
      payload: { chargeAmount: { amount: '24.90', currencyCode: 'EUR' } },
    });
    expect(state(complete.body)).toBe('Completed');
    const charge = await call(sandbox, 'GET', `charges/${String(complete.body['chargeId'])}`);
    expect(state(charge.body)).toBe('Authorized');
  });

  it.each([
    ['no addressDetails for physical goods', { addressDetails: undefined }, 'PayAndShip', 'MissingParameterValue'],
    ['addressDetails for digital goods', {}, 'PayOnly', 'InvalidParameterCombination'],
    [
      'no checkoutResultReturnUrl',
      { webCheckoutDetails: { checkoutMode: 'ProcessOrder', checkoutReviewReturnUrl: 'https://shop.test/review' } },
      'PayAndShip',
      'MissingParameterValue',
    ],
    ['no paymentDetails', { paymentDetails: undefined }, 'PayAndShip', 'MissingParameterValue'],
    [
      'an address without a country',
      { addressDetails: { ...addressDetails, countryCode: undefined } },
      'PayAndShip',
      'MissingParameterValue',
    ],
  ])('refuses a ProcessOrder payload with %s', async (_case, extra, productType, reasonCode) => {
    const sandbox = newSandbox();
    const res = await startApb(sandbox, apbPayload(extra), productType);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ reasonCode });
    expect(sandbox.store.sessions.size).toBe(0);
  });
});

describe('the order summary on the hosted pages', () => {
  async function startWith(sandbox: ReturnType<typeof newSandbox>, payload: Record<string, unknown>, amount?: string) {
    const start = await postJson(sandbox, '/checkout/start', {
      kind: 'checkout',
      merchantId: 'M1',
      ledgerCurrency: 'USD',
      productType: 'PayAndShip',
      ...(amount ? { estimatedOrderAmount: { amount, currencyCode: 'USD' } } : {}),
      config: buttonConfig(payload),
    });
    expect(start.status).toBe(200);
    const { redirectUrl } = (await start.json()) as { redirectUrl: string };
    return new URL(redirectUrl).searchParams.get('amazonCheckoutSessionId') ?? '';
  }

  const signInPage = async (sandbox: ReturnType<typeof newSandbox>, id: string) =>
    (await get(sandbox, `/checkout/signin?amazonCheckoutSessionId=${id}`)).text();
  const selectionPage = async (sandbox: ReturnType<typeof newSandbox>, id: string) =>
    (await get(sandbox, `/checkout/select?amazonCheckoutSessionId=${id}&buyer=jane`)).text();

  it("names the store from the payload's merchantStoreName and shows the button's estimate, then the session's charge", async () => {
    const sandbox = newSandbox();
    const id = await startWith(
      sandbox,
      checkoutPayload({ merchantMetadata: { merchantStoreName: 'Northwind & Co <Goods>' } }),
      '32.12',
    );
    for (const page of [await signInPage(sandbox, id), await selectionPage(sandbox, id)]) {
      expect(page).toContain('Merchant: <strong id="sandbox-store-name">Northwind &#38; Co &#60;Goods&#62;</strong>');
      expect(page).toContain('Estimated total: <strong id="sandbox-amount">$32.12</strong>');
    }

    const patched = await call(sandbox, 'PATCH', `checkoutSessions/${id}`, {
      payload: {
        webCheckoutDetails: { checkoutResultReturnUrl: 'https://shop.test/checkout/result' },
        paymentDetails: { paymentIntent: 'Authorize', chargeAmount: { amount: '35.07', currencyCode: 'USD' } },
        merchantMetadata: { merchantStoreName: 'Northwind Goods' },
      },
    });
    expect(patched.status).toBe(200);
    // The selection page again (as bindChangeAction opens it): the amount the merchant set, no longer an estimate.
    const change = await postForm(sandbox, '/checkout/signin', { amazonCheckoutSessionId: id, buyer: 'jane' });
    expect(change.status).toBe(303);
    const page = await selectionPage(sandbox, id);
    expect(page).toContain('Merchant: <strong id="sandbox-store-name">Northwind Goods</strong>');
    expect(page).toContain('Order total: <strong id="sandbox-amount">$35.07</strong>');
    expect(page).not.toContain('Estimated total');
  });

  it('names the store by its storeId without a merchantStoreName, and shows no amount without one', async () => {
    const sandbox = newSandbox();
    const id = await startWith(sandbox, checkoutPayload());
    const page = await signInPage(sandbox, id);
    expect(page).toContain('Merchant: <strong id="sandbox-store-name">amzn1.application-oa2-client.sandboxstore</strong>');
    expect(page).not.toContain('id="sandbox-amount"');
  });

  it("speaks the checkout's language", async () => {
    const sandbox = newSandbox();
    const start = await postJson(sandbox, '/checkout/start', {
      kind: 'checkout',
      merchantId: 'M1',
      ledgerCurrency: 'JPY',
      productType: 'PayAndShip',
      checkoutLanguage: 'ja_JP',
      estimatedOrderAmount: { amount: '3800', currencyCode: 'JPY' },
      config: buttonConfig(checkoutPayload({ merchantMetadata: { merchantStoreName: 'ノースウインド' } })),
    });
    const { redirectUrl } = (await start.json()) as { redirectUrl: string };
    const page = await (await get(sandbox, redirectUrl)).text();
    expect(page).toContain('事業者: <strong id="sandbox-store-name">ノースウインド</strong>');
    expect(page).toMatch(/合計（見込み）: <strong id="sandbox-amount">(¥|￥)3,800<\/strong>/);
  });
});
