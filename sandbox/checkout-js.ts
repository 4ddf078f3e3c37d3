/**
 * Stand-in for https://static-*.payments-amazon.com/checkout.js
 * (https://developer.amazon.com/docs/amazon-pay-checkout/amazon-pay-script.html):
 * amazon.Pay.renderButton, bindChangeAction, signout, and the button object's
 * onClick / initCheckout / updateButtonInfo. Validation mirrors the real button:
 * missing options throw, a bad signature replaces the button with an error box.
 */
export function checkoutJs(baseUrl: string): string {
  return `/* Amazon Pay checkout.js – offline sandbox stand-in */
(function () {
  'use strict';
  var BASE = ${JSON.stringify(baseUrl)};
  var PLACEMENTS = ['Home', 'Product', 'Cart', 'Checkout', 'Other'];
  var PRODUCT_TYPES = ['PayAndShip', 'PayOnly', 'SignIn', 'PayAndShipMultiAddress'];
  var CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY'];
  var COLORS = { Gold: ['#ffd814', '#0f1111'], LightGray: ['#e3e6e6', '#0f1111'], DarkGray: ['#232f3e', '#ffffff'] };

  function find(selector) {
    var el = typeof selector === 'string' ? document.querySelector(selector) : selector;
    if (!el) throw new Error('amazon.Pay: no element matches ' + selector);
    return el;
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
    if (typeof console !== 'undefined') console.error('[Amazon Pay] ' + code + ': ' + message);
  }

  function post(path, body) {
    return fetch(BASE + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); });
  }

  function validate(options) {
    if (!options || typeof options !== 'object') throw new Error('amazon.Pay.renderButton: options are required');
    ['merchantId', 'ledgerCurrency', 'placement'].forEach(function (key) {
      if (!options[key]) throw new Error('amazon.Pay.renderButton: ' + key + ' is required');
    });
    if (CURRENCIES.indexOf(options.ledgerCurrency) < 0) throw new Error('amazon.Pay.renderButton: invalid ledgerCurrency ' + options.ledgerCurrency);
    if (PLACEMENTS.indexOf(options.placement) < 0) throw new Error('amazon.Pay.renderButton: invalid placement ' + options.placement);
    var productType = options.productType || 'PayAndShip';
    if (PRODUCT_TYPES.indexOf(productType) < 0) throw new Error('amazon.Pay.renderButton: invalid productType ' + productType);
    if (options.buttonColor && !COLORS[options.buttonColor]) throw new Error('amazon.Pay.renderButton: invalid buttonColor ' + options.buttonColor);
    return productType;
  }

  function checkConfig(config, name) {
    if (!config) return;
    ['payloadJSON', 'signature', 'publicKeyId'].forEach(function (key) {
      if (!config[key]) throw new Error('amazon.Pay: ' + name + '.' + key + ' is required');
    });
  }

  function renderButton(selector, options) {
    var container = find(selector);
    var productType = validate(options);
    var kind = productType === 'SignIn' ? 'signin' : 'checkout';
    var configName = kind === 'signin' ? 'signInConfig' : 'createCheckoutSessionConfig';
    var config = options[configName];
    checkConfig(config, configName);
    var clickHandler = null;
    var busy = false;
    var colors = COLORS[options.buttonColor || 'Gold'];

    container.innerHTML = '';
    var button = document.createElement('button');
    button.type = 'button';
    button.id = (container.id || 'AmazonPayButton') + '-sandbox-button';
    button.className = 'amazonpay-button';
    button.setAttribute('aria-label', kind === 'signin' ? 'Sign in with Amazon (sandbox)' : 'Amazon Pay – use your Amazon Pay sandbox account');
    button.style.cssText = 'min-width:200px;height:45px;border-radius:8px;border:1px solid #a88734;background:' + colors[0] + ';color:' + colors[1] + ';font:700 16px system-ui,sans-serif;cursor:pointer';
    button.textContent = kind === 'signin' ? 'Sign in with Amazon' : 'amazon pay';
    container.appendChild(button);

    function start(cfg) {
      checkConfig(cfg, configName);
      if (!cfg) { showError(container, 'MissingParameterError', configName + ' is required'); return; }
      if (busy) return;
      busy = true;
      post('/checkout/start', { kind: kind, merchantId: options.merchantId, ledgerCurrency: options.ledgerCurrency, productType: productType, config: cfg })
        .then(function (res) {
          busy = false;
          if (res.ok && res.data.redirectUrl) window.location.assign(res.data.redirectUrl);
          else showError(container, res.data.reasonCode || 'UnknownError', res.data.message || '');
        })
        .catch(function (err) { busy = false; showError(container, 'NetworkError', String(err)); });
    }

    // Like the real button, a signature problem shows at render time, not only on click.
    if (config) {
      post('/checkout/verify-button', { config: config }).then(function (res) {
        if (!res.ok) showError(container, res.data.reasonCode || 'InvalidSignatureError', res.data.message || '');
      }).catch(function () { /* verified again on click */ });
    }

    button.addEventListener('click', function () {
      if (clickHandler) clickHandler();
      else start(config);
    });

    return {
      onClick: function (cb) { clickHandler = cb; },
      initCheckout: function (init) {
        init = init || {};
        start(init.createCheckoutSessionConfig || init.signInConfig || config);
      },
      updateButtonInfo: function (estimatedOrderAmount) { options.estimatedOrderAmount = estimatedOrderAmount; }
    };
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
  window.amazon.Pay = { renderButton: renderButton, bindChangeAction: bindChangeAction, signout: signout };
})();
`;
}
