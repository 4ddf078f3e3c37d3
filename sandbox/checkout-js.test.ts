import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { checkoutJs } from './checkout-js';
import { clientHelper, KEY_ID, KEYS, newSandbox } from '@/test/sandbox-sdk';

/** Just enough DOM for checkout.js: elements with children, attributes, listeners. */
class FakeElement {
  id = '';
  type = '';
  className = '';
  textContent = '';
  style = { cssText: '' };
  children: FakeElement[] = [];
  attributes = new Map<string, string>();
  listeners = new Map<string, Array<(event: { preventDefault(): void }) => void>>();
  set innerHTML(_value: string) {
    this.children = [];
  }
  appendChild(child: FakeElement) {
    this.children.push(child);
    return child;
  }
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  getAttribute(name: string) {
    return this.attributes.get(name) ?? null;
  }
  addEventListener(name: string, listener: (event: { preventDefault(): void }) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  click() {
    for (const listener of this.listeners.get('click') ?? []) listener({ preventDefault() {} });
  }
}

interface AmazonPay {
  renderButton(
    selector: string,
    options: Record<string, unknown>,
  ): { onClick(cb: () => void): void; initCheckout(init: Record<string, unknown>): void };
  initCheckout(options: Record<string, unknown>): void;
  bindChangeAction(selector: string, options: Record<string, unknown>): void;
  signout(): Promise<void>;
}

function load() {
  const sandbox = newSandbox();
  const elements = new Map<string, FakeElement>([
    ['#AmazonPayButton', Object.assign(new FakeElement(), { id: 'AmazonPayButton' })],
    ['#change', new FakeElement()],
  ]);
  const assigned: string[] = [];
  const errors: string[] = [];
  const window: Record<string, unknown> = { location: { assign: (url: string) => assigned.push(url) } };
  const context = {
    window,
    document: { querySelector: (selector: string) => elements.get(selector) ?? null, createElement: () => new FakeElement() },
    fetch: sandbox.fetch,
    console: { error: (message: string) => errors.push(message) },
  };
  runInNewContext(checkoutJs('http://sandbox.test'), context);
  const pay = (window['amazon'] as { Pay: AmazonPay }).Pay;
  const container = elements.get('#AmazonPayButton') ?? new FakeElement();
  return { sandbox, pay, container, change: elements.get('#change') ?? new FakeElement(), assigned, errors };
}

/** Polls until the async chain inside checkout.js has acted; no fixed sleeps. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

function config(payloadJSON: string) {
  return {
    payloadJSON,
    signature: clientHelper.signPayload(
      { publicKeyId: KEY_ID, privateKey: KEYS.privateKey, region: 'us', sandbox: true, algorithm: 'AMZN-PAY-RSASSA-PSS-V2' },
      payloadJSON,
    ),
    publicKeyId: KEY_ID,
    algorithm: 'AMZN-PAY-RSASSA-PSS-V2',
  };
}

const payload = JSON.stringify({
  storeId: 'amzn1.application-oa2-client.s',
  webCheckoutDetails: { checkoutReviewReturnUrl: 'https://shop.test/review' },
});
const options = { merchantId: 'M1', ledgerCurrency: 'USD', placement: 'Cart', productType: 'PayAndShip', sandbox: true };

describe('checkout.js stand-in', () => {
  it('validates required options like the real button', () => {
    const { pay } = load();
    expect(() => pay.renderButton('#AmazonPayButton', { ...options, merchantId: undefined })).toThrow(/merchantId is required/);
    expect(() => pay.renderButton('#AmazonPayButton', { ...options, placement: 'Basket' })).toThrow(/invalid placement/);
    expect(() => pay.renderButton('#AmazonPayButton', { ...options, ledgerCurrency: 'CHF' })).toThrow(/invalid ledgerCurrency/);
    expect(() => pay.renderButton('#missing', options)).toThrow(/no element/);
    expect(() =>
      pay.renderButton('#AmazonPayButton', { ...options, createCheckoutSessionConfig: { payloadJSON: payload } }),
    ).toThrow(/signature is required/);
  });

  it('requires signInConfig at render for a Sign-In button, as Amazon documents', () => {
    // https://developer.amazon.com/docs/amazon-pay-checkout/amazon-pay-script.html: signInConfig is required for SignIn.
    const { pay } = load();
    expect(() => pay.renderButton('#AmazonPayButton', { ...options, productType: 'SignIn' })).toThrow(
      /signInConfig is required for productType SignIn/,
    );
  });

  it('renders a labelled button; a click creates the session and goes to the hosted sign-in page', async () => {
    const { pay, container, assigned, sandbox } = load();
    pay.renderButton('#AmazonPayButton', { ...options, createCheckoutSessionConfig: config(payload) });
    const button = container.children[0];
    expect(button?.id).toBe('AmazonPayButton-sandbox-button');
    expect(button?.getAttribute('aria-label')).toMatch(/Amazon Pay/);
    button?.click();
    await until(() => assigned.length > 0);
    expect(assigned[0]).toMatch(/^http:\/\/sandbox\.test\/checkout\/signin\?amazonCheckoutSessionId=[0-9a-f-]{36}$/);
    expect(sandbox.store.sessions.size).toBe(1);
  });

  it('shows InvalidSignatureError in place of the button when the signature does not verify', async () => {
    const { pay, container, errors } = load();
    pay.renderButton('#AmazonPayButton', {
      ...options,
      createCheckoutSessionConfig: { ...config(payload), payloadJSON: payload.replace('/review', '/other') },
    });
    await until(() => errors.length > 0);
    expect(container.children[0]?.getAttribute('role')).toBe('alert');
    expect(container.children[0]?.getAttribute('data-error-code')).toBe('InvalidSignatureError');
    expect(errors[0]).toContain('InvalidSignatureError');
  });

  it('supports onClick + initCheckout (decoupled signing), bindChangeAction and signout', async () => {
    const { pay, container, change, assigned } = load();
    const button = pay.renderButton('#AmazonPayButton', options);
    let clicked = false;
    button.onClick(() => {
      clicked = true;
      button.initCheckout({ createCheckoutSessionConfig: config(payload) });
    });
    container.children[0]?.click();
    await until(() => assigned.length > 0);
    expect(clicked).toBe(true);
    expect(assigned[0]).toContain('/checkout/signin?amazonCheckoutSessionId=');
    pay.bindChangeAction('#change', { amazonCheckoutSessionId: 'abc', changeAction: 'changePayment' });
    change.click();
    expect(assigned[1]).toBe('http://sandbox.test/checkout/change?amazonCheckoutSessionId=abc&changeAction=changePayment');
    expect(() => pay.bindChangeAction('#change', { amazonCheckoutSessionId: 'abc', changeAction: 'changeCard' })).toThrow();
    await expect(pay.signout()).resolves.toBeUndefined();
  });

  // https://github.com/amazonpay-labs/amazonpay-sample-app-v2 (nodejs/views/appLogin.ejs) calls amazon.Pay.initCheckout
  // with renderButton's options and no button; amazon-pay-script.html lists those options.
  it('amazon.Pay.initCheckout starts a checkout without a rendered button', async () => {
    const { pay, container, assigned, sandbox } = load();
    expect(() => pay.initCheckout({ ...options })).toThrow(/createCheckoutSessionConfig is required/);
    expect(() => pay.initCheckout({ ...options, placement: undefined, createCheckoutSessionConfig: config(payload) })).toThrow(
      /placement is required/,
    );
    pay.initCheckout({ ...options, checkoutLanguage: 'en_US', createCheckoutSessionConfig: config(payload) });
    await until(() => assigned.length > 0);
    expect(assigned[0]).toMatch(/\/checkout\/signin\?amazonCheckoutSessionId=/);
    expect(container.children).toHaveLength(0);
    expect([...sandbox.store.sessions.values()][0]?.checkoutLanguage).toBe('en_US');
  });

  // Environment-specific keys (SANDBOX-…/LIVE-…) may sit at the top level of the options, with no `sandbox` flag
  // (https://developer.amazon.com/docs/amazon-pay-checkout/amazon-pay-script.html; BigCommerce
  // https://github.com/bigcommerce/checkout-sdk-js/blob/master/packages/amazon-pay-utils/src/amazon-pay-v2.ts).
  it('takes an environment-prefixed publicKeyId at the top level and refuses a LIVE- key', async () => {
    const { pay, container, assigned, errors, sandbox } = load();
    const { publicKeyId, ...keyless } = config(payload);
    expect(publicKeyId).toMatch(/^SANDBOX-/);
    const { sandbox: _flag, ...noSandboxFlag } = options;
    pay.renderButton('#AmazonPayButton', { ...noSandboxFlag, publicKeyId, createCheckoutSessionConfig: keyless });
    container.children[0]?.click();
    await until(() => assigned.length > 0);
    expect(assigned[0]).toContain('/checkout/signin?amazonCheckoutSessionId=');

    sandbox.registerKey('LIVE-AFVX7ULWSGBZ5535PCUQOY7B', KEYS.publicKey);
    pay.initCheckout({ ...noSandboxFlag, publicKeyId: 'LIVE-AFVX7ULWSGBZ5535PCUQOY7B', createCheckoutSessionConfig: keyless });
    await until(() => errors.length > 0);
    expect(errors[0]).toContain('InvalidPublicKeyIdError');
    expect(sandbox.store.sessions.size).toBe(1);
  });

  // button.initCheckout({createCheckoutSessionConfig, productType, estimatedOrderAmount}): Amazon's Magento plugin
  // (https://github.com/amzn/amazon-payments-magento-2-plugin/blob/master/view/frontend/web/js/amazon-button.js).
  it('honours productType and estimatedOrderAmount given to button.initCheckout', async () => {
    const { pay, container, assigned, sandbox } = load();
    const button = pay.renderButton('#AmazonPayButton', { ...options, productType: 'PayAndShip' });
    button.onClick(() =>
      button.initCheckout({
        createCheckoutSessionConfig: config(payload),
        productType: 'PayOnly',
        estimatedOrderAmount: { amount: '42.50', currencyCode: 'USD' },
      }),
    );
    container.children[0]?.click();
    await until(() => assigned.length > 0);
    const session = [...sandbox.store.sessions.values()][0];
    expect(session?.productType).toBe('PayOnly');
    expect(session?.estimatedOrderAmount).toEqual({ amount: 4250, currency: 'USD' });

    const page = await (
      await sandbox.handle(
        new Request(`http://sandbox.test/checkout/select?amazonCheckoutSessionId=${session?.id ?? ''}&buyer=jane`),
      )
    ).text();
    expect(page).toContain('Estimated total: <strong id="sandbox-amount">$42.50</strong>');
    expect(page).not.toContain('sandbox-address-0');
    expect(() => button.initCheckout({ createCheckoutSessionConfig: config(payload), productType: 'Subscribe' })).toThrow(
      /invalid productType/,
    );
    expect(() => button.initCheckout({ estimatedOrderAmount: { amount: 'ten', currencyCode: 'USD' } })).toThrow(
      /estimatedOrderAmount/,
    );
  });

  // checkoutLanguage: en_US, en_GB, de_DE, fr_FR, it_IT, es_ES, ja_JP, as the ledger currency's region allows;
  // buttonColor Gold, LightGray, DarkGray; placement Home, Product, Cart, Checkout, Other
  // (https://developer.amazon.com/docs/amazon-pay-checkout/amazon-pay-script.html).
  it('validates checkoutLanguage against the ledger currency, buttonColor and placement', () => {
    const { pay } = load();
    const render = (extra: Record<string, unknown>) => () => pay.renderButton('#AmazonPayButton', { ...options, ...extra });
    expect(render({ checkoutLanguage: 'en_DE' })).toThrow(/invalid checkoutLanguage en_DE/);
    expect(render({ checkoutLanguage: 'de_DE' })).toThrow(/not supported for ledgerCurrency USD/);
    expect(render({ ledgerCurrency: 'JPY', checkoutLanguage: 'en_US' })).toThrow(/not supported for ledgerCurrency JPY/);
    for (const checkoutLanguage of ['en_GB', 'de_DE', 'fr_FR', 'it_IT', 'es_ES'])
      expect(render({ ledgerCurrency: 'EUR', checkoutLanguage })).not.toThrow();
    expect(render({ ledgerCurrency: 'JPY', checkoutLanguage: 'ja_JP' })).not.toThrow();
    expect(render({ buttonColor: 'Blue' })).toThrow(/invalid buttonColor Blue/);
    for (const buttonColor of ['Gold', 'LightGray', 'DarkGray']) expect(render({ buttonColor })).not.toThrow();
    expect(render({ placement: 'cart' })).toThrow(/invalid placement cart/);
    for (const placement of ['Home', 'Product', 'Cart', 'Checkout', 'Other']) expect(render({ placement })).not.toThrow();
  });
});
