import { CHECKOUT_LANGUAGES, LANGUAGES_BY_LEDGER_CURRENCY } from './locales';

/**
 * Stand-in for https://static-*.payments-amazon.com/checkout.js
 * (https://developer.amazon.com/docs/amazon-pay-checkout/amazon-pay-script.html):
 * amazon.Pay.renderButton, amazon.Pay.initCheckout (checkout without a rendered button),
 * bindChangeAction, signout, and the button object's onClick / initCheckout /
 * updateButtonInfo. Validation mirrors the real button: missing or unsupported options
 * throw, a bad signature replaces the button with an error box.
 */
export function checkoutJs(baseUrl: string): string {
  return `/* Amazon Pay checkout.js – offline sandbox stand-in */
(function () {
  'use strict';
  var BASE = ${JSON.stringify(baseUrl)};
  var PLACEMENTS = ['Home', 'Product', 'Cart', 'Checkout', 'Other'];
  var PRODUCT_TYPES = ['PayAndShip', 'PayOnly', 'SignIn', 'PayAndShipMultiAddress'];
  var CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY'];
  var LANGUAGES = ${JSON.stringify(CHECKOUT_LANGUAGES)};
  var LANGUAGES_BY_CURRENCY = ${JSON.stringify(LANGUAGES_BY_LEDGER_CURRENCY)};
  var COLORS = { Gold: ['#ffd814', '#0f1111'], LightGray: ['#e3e6e6', '#0f1111'], DarkGray: ['#232f3e', '#ffffff'] };

  function find(selector) {
    var el = typeof selector === 'string' ? document.querySelector(selector) : selector;
    if (!el) throw new Error('amazon.Pay: no element matches ' + selector);
    return el;
  }

  function report(code, message) {
    if (typeof console !== 'undefined') console.error('[Amazon Pay] ' + code + ': ' + message);
  }

  function showError(container, code, message) {
    container.innerHTML = '';
    var box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.className = 'amazonpay-error';
    box.setAttribute('data-error-code', code);
    box.style.cssText = 'border:2px solid #b12704;border-radius:6px;padding:8px 12px;background:#fff5f5;color:#0f1111;font:14px system-ui,sans-serif';
    box.textContent = 'Amazon Pay: something went wrong. Error code: ' + code + (message ? ' – ' + message : '');
    container.appendChild(box);
    report(code, message);
  }

  function post(path, body) {
    return fetch(BASE + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); });
  }

  function checkAmount(amount, name) {
    if (amount === undefined || amount === null) return;
    if (typeof amount !== 'object' || !/^\\d+(\\.\\d{1,2})?$/.test(String(amount.amount)) || !/^[A-Z]{3}$/.test(amount.currencyCode))
      throw new Error(name + ': estimatedOrderAmount must be {amount, currencyCode}');
  }

  function checkProductType(productType, name) {
    if (PRODUCT_TYPES.indexOf(productType) < 0) throw new Error(name + ': invalid productType ' + productType);
  }

  function validate(options, name) {
    if (!options || typeof options !== 'object') throw new Error(name + ': options are required');
    ['merchantId', 'ledgerCurrency', 'placement'].forEach(function (key) {
      if (!options[key]) throw new Error(name + ': ' + key + ' is required');
    });
    if (CURRENCIES.indexOf(options.ledgerCurrency) < 0) throw new Error(name + ': invalid ledgerCurrency ' + options.ledgerCurrency);
    if (PLACEMENTS.indexOf(options.placement) < 0) throw new Error(name + ': invalid placement ' + options.placement);
    var productType = options.productType || 'PayAndShip';
    checkProductType(productType, name);
    if (options.buttonColor !== undefined && !COLORS[options.buttonColor]) throw new Error(name + ': invalid buttonColor ' + options.buttonColor);
    if (options.checkoutLanguage !== undefined) {
      if (LANGUAGES.indexOf(options.checkoutLanguage) < 0) throw new Error(name + ': invalid checkoutLanguage ' + options.checkoutLanguage);
      if (LANGUAGES_BY_CURRENCY[options.ledgerCurrency].indexOf(options.checkoutLanguage) < 0)
        throw new Error(name + ': checkoutLanguage ' + options.checkoutLanguage + ' is not supported for ledgerCurrency ' + options.ledgerCurrency);
    }
    if (options.publicKeyId !== undefined && typeof options.publicKeyId !== 'string') throw new Error(name + ': publicKeyId must be a string');
    checkAmount(options.estimatedOrderAmount, name);
    return productType;
  }

  function configNameFor(productType) {
    return productType === 'SignIn' ? 'signInConfig' : 'createCheckoutSessionConfig';
  }

  // A config may leave publicKeyId to the top-level option, as environment-specific keys allow.
  function withKey(config, options) {
    if (!config || config.publicKeyId || !options.publicKeyId) return config;
    var copy = {};
    for (var key in config) copy[key] = config[key];
    copy.publicKeyId = options.publicKeyId;
    return copy;
  }

  function checkConfig(config, name) {
    if (!config) return;
    ['payloadJSON', 'signature', 'publicKeyId'].forEach(function (key) {
      if (!config[key]) throw new Error('amazon.Pay: ' + name + '.' + key + ' is required');
    });
  }

  /** Sends the click to the sandbox, which creates the session from the signed payload; then follows its redirect. */
  function begin(options, productType, config, estimatedOrderAmount, onError, onDone) {
    post('/checkout/start', {
      kind: productType === 'SignIn' ? 'signin' : 'checkout',
      merchantId: options.merchantId,
      ledgerCurrency: options.ledgerCurrency,
      productType: productType,
      checkoutLanguage: options.checkoutLanguage,
      estimatedOrderAmount: estimatedOrderAmount || undefined,
      config: config
    })
      .then(function (res) {
        onDone();
        if (res.ok && res.data.redirectUrl) window.location.assign(res.data.redirectUrl);
        else onError(res.data.reasonCode || 'UnknownError', res.data.message || '');
      })
      .catch(function (err) { onDone(); onError('NetworkError', String(err)); });
  }

  function renderButton(selector, options) {
    var container = find(selector);
    var productType = validate(options, 'amazon.Pay.renderButton');
    var configName = configNameFor(productType);
    var config = withKey(options[configName], options);
    checkConfig(config, configName);
    // Sign-in is never decoupled: signInConfig is required at render (amazon-pay-script.html).
    if (productType === 'SignIn' && !config) throw new Error('amazon.Pay.renderButton: signInConfig is required for productType SignIn');
    var clickHandler = null;
    var busy = false;
    var colors = COLORS[options.buttonColor || 'Gold'];
    var signIn = productType === 'SignIn';

    container.innerHTML = '';
    var button = document.createElement('button');
    button.type = 'button';
    button.id = (container.id || 'AmazonPayButton') + '-sandbox-button';
    button.className = 'amazonpay-button';
    button.setAttribute('aria-label', signIn ? 'Sign in with Amazon (sandbox)' : 'Amazon Pay – use your Amazon Pay sandbox account');
    button.style.cssText = 'min-width:200px;height:45px;border-radius:8px;border:1px solid #a88734;background:' + colors[0] + ';color:' + colors[1] + ';font:700 16px system-ui,sans-serif;cursor:pointer';
    button.textContent = signIn ? 'Sign in with Amazon' : 'amazon pay';
    container.appendChild(button);

    function start(init) {
      init = init || {};
      var type = init.productType || productType;
      checkProductType(type, 'button.initCheckout');
      checkAmount(init.estimatedOrderAmount, 'button.initCheckout');
      var name = configNameFor(type);
      var cfg = withKey(init[name] || (name === configName ? config : undefined), options);
      checkConfig(cfg, name);
      if (!cfg) { showError(container, 'MissingParameterError', name + ' is required'); return; }
      if (busy) return;
      busy = true;
      begin(options, type, cfg, init.estimatedOrderAmount || options.estimatedOrderAmount,
        function (code, message) { showError(container, code, message); },
        function () { busy = false; });
    }

    // Like the real button, a signature problem shows at render time, not only on click.
    if (config) {
      post('/checkout/verify-button', { config: config }).then(function (res) {
        if (!res.ok) showError(container, res.data.reasonCode || 'InvalidSignatureError', res.data.message || '');
      }).catch(function () { /* verified again on click */ });
    }

    button.addEventListener('click', function () {
      if (clickHandler) clickHandler();
      else start({});
    });

    return {
      onClick: function (cb) { clickHandler = cb; },
      initCheckout: function (init) { start(init); },
      updateButtonInfo: function (estimatedOrderAmount) {
        checkAmount(estimatedOrderAmount, 'button.updateButtonInfo');
        options.estimatedOrderAmount = estimatedOrderAmount;
      }
    };
  }

  // Checkout without a rendered button: the same options as renderButton, and it starts at once.
  function initCheckout(options) {
    var productType = validate(options, 'amazon.Pay.initCheckout');
    var name = configNameFor(productType);
    var config = withKey(options[name], options);
    if (!config) throw new Error('amazon.Pay.initCheckout: ' + name + ' is required');
    checkConfig(config, name);
    begin(options, productType, config, options.estimatedOrderAmount, report, function () {});
  }

  function bindChangeAction(selector, opts) {
    var el = find(selector);
    if (!opts || !opts.amazonCheckoutSessionId) throw new Error('amazon.Pay.bindChangeAction: amazonCheckoutSessionId is required');
    if (opts.changeAction !== 'changeAddress' && opts.changeAction !== 'changePayment') throw new Error('amazon.Pay.bindChangeAction: changeAction must be changeAddress or changePayment');
    el.addEventListener('click', function (event) {
      if (event && event.preventDefault) event.preventDefault();
      window.location.assign(BASE + '/checkout/change?amazonCheckoutSessionId=' + encodeURIComponent(opts.amazonCheckoutSessionId) + '&changeAction=' + opts.changeAction);
    });
  }

  function signout() {
    return fetch(BASE + '/checkout/signout', { method: 'POST' }).then(function () { return undefined; }, function () { return undefined; });
  }

  window.amazon = window.amazon || {};
  window.amazon.Pay = { renderButton: renderButton, initCheckout: initCheckout, bindChangeAction: bindChangeAction, signout: signout };
})();
`;
}
