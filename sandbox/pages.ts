import { buyerSlug, isAddressAllowed } from './buyers';
import { escapeHtml as e } from './http';
import { textsFor, type HostedTexts } from './locales';
import type { Address, PaymentCard, TestBuyer } from './state/types';
import { cardBehaviour } from './simulations';

/**
 * Server-rendered hosted pages. Plain HTML + inline CSS: landmarks (header, main,
 * footer), every control labelled, fieldsets with legends, focus outlines, and
 * colours chosen for ≥ 4.5:1 contrast (#0f1111 on #ffd814 and on #fff). Element ids
 * are stable for Playwright and listed in sandbox/README.md.
 */
const CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#0f1111;background:#eaeded}
header{background:#232f3e;color:#fff;padding:12px 24px;display:flex;align-items:center;gap:12px}
header .logo{font-weight:700;font-size:20px;letter-spacing:.2px}header .logo span{color:#ffd814}
header .env{margin-left:auto;background:#fff;color:#232f3e;border-radius:4px;padding:2px 8px;font-size:13px;font-weight:600}
main{max-width:640px;margin:24px auto;background:#fff;border-radius:8px;padding:24px 28px;box-shadow:0 1px 3px rgba(0,0,0,.2)}
h1{font-size:24px;margin:0 0 8px}p.lead{margin:0 0 20px;color:#333}
fieldset{border:1px solid #a6a6a6;border-radius:8px;margin:0 0 20px;padding:12px 16px}legend{font-weight:700;padding:0 6px}
.option{display:flex;gap:12px;align-items:flex-start;padding:10px;border-radius:6px;border:1px solid transparent}
.option:hover{background:#f7fafa;border-color:#d5d9d9}.option input{margin-top:5px;width:18px;height:18px}
.option .detail{color:#333;font-size:14px}.option.disabled{color:#565959}.option.disabled .detail{color:#565959}
.note{font-size:13px;color:#8a1c00;font-weight:600}.hint{font-size:13px;color:#333}
button,.button{display:inline-block;font:inherit;font-weight:600;border-radius:20px;padding:10px 22px;cursor:pointer;text-decoration:none}
button.primary{background:#ffd814;border:1px solid #c7a600;color:#0f1111}button.primary:hover{background:#f7ca00}
a.secondary{color:#0f1111;border:1px solid #888c8c;background:#fff;margin-left:8px}
:focus-visible{outline:3px solid #0066c0;outline-offset:2px}
.summary{margin:0 0 16px;padding:10px 14px;background:#f7fafa;border:1px solid #d5d9d9;border-radius:8px}
.error{border:2px solid #b12704;background:#fff5f5;border-radius:8px;padding:12px 16px}
footer{text-align:center;font-size:13px;color:#333;padding:16px}
`;

/** Every page speaks the checkoutLanguage the merchant set (sandbox/locales.ts); English when none. */
export function layout(title: string, body: string, t: HostedTexts = textsFor(null)): string {
  return `<!doctype html>
<html lang="${e(t.htmlLang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(title)} – ${e(t.titleSuffix)}</title><style>${CSS}</style></head>
<body><header><div class="logo" aria-label="amazon pay">amazon <span>pay</span></div><div class="env">${e(t.sandboxBadge)}</div></header>
<main id="sandbox-main">${body}</main>
<footer>${e(t.footer)}</footer></body></html>`;
}

export function errorPage(title: string, message: string, code: string, t: HostedTexts = textsFor(null)): string {
  return layout(
    title,
    `<h1>${e(title)}</h1><div class="error" role="alert" id="sandbox-error"><p><strong>${e(t.errorCode)}:</strong> <span id="sandbox-error-code">${e(code)}</span></p><p>${e(message)}</p></div>`,
    t,
  );
}

/** Who is paid and how much, at the top of every page of a checkout, as on Amazon's own pages. */
export interface OrderSummary {
  storeName: string;
  /** The charge amount, or else the button's estimatedOrderAmount (then labelled as an estimate). */
  amount: { text: string; estimated: boolean } | null;
}

function summaryBlock(summary: OrderSummary | null, t: HostedTexts): string {
  if (!summary) return '';
  const amount = summary.amount
    ? `<br>${e(summary.amount.estimated ? t.estimatedTotal : t.orderTotal)}: <strong id="sandbox-amount">${e(summary.amount.text)}</strong>`
    : '';
  return `<p class="summary" id="sandbox-order-summary">${e(t.merchant)}: <strong id="sandbox-store-name">${e(summary.storeName)}</strong>${amount}</p>`;
}

export function signInPage(
  action: string,
  hidden: Record<string, string>,
  buyers: readonly TestBuyer[],
  purpose: string,
  t: HostedTexts,
  summary: OrderSummary | null = null,
): string {
  const options = buyers
    .map((buyer, index) => {
      const slug = buyerSlug(buyer);
      return `<label class="option" for="sandbox-buyer-${slug}"><input type="radio" name="buyer" id="sandbox-buyer-${slug}" value="${slug}"${index === 0 ? ' checked' : ''}>
<span><strong>${e(buyer.name)}</strong><br><span class="detail">${e(buyer.email)} · ${e(buyer.addresses[0]?.countryCode ?? '')}</span></span></label>`;
    })
    .join('\n');
  return layout(
    t.signInTitle,
    `<h1>${e(t.signInHeading)}</h1>${summaryBlock(summary, t)}<p class="lead">${e(purpose)} ${e(t.chooseTestAccount)}</p>
<form method="post" action="${e(action)}" id="sandbox-signin-form">${hiddenFields(hidden)}
<fieldset><legend>${e(t.testAccount)}</legend>${options}</fieldset>
<button type="submit" class="primary" id="sandbox-signin-continue">${e(t.continue)}</button></form>`,
    t,
  );
}

function hiddenFields(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${e(name)}" value="${e(value)}">`)
    .join('');
}

export function addressText(a: Address): string {
  return [a.addressLine1, a.addressLine2, a.city, a.stateOrRegion, a.postalCode, a.countryCode].filter(Boolean).join(', ');
}

function cardNote(card: PaymentCard, t: HostedTexts): string {
  const behaviour = cardBehaviour(card.last4);
  const note = behaviour in t.simulates ? t.simulates[behaviour as keyof HostedTexts['simulates']] : null;
  return note ? `<br><span class="hint">${e(note)}</span>` : '';
}

export interface SelectionPageInput {
  sessionId: string;
  buyer: TestBuyer;
  needsAddress: boolean;
  deliverySpecifications: unknown;
  selectedAddress: string | null;
  selectedCard: string | null;
  summary: OrderSummary;
  cancelUrl: string | null;
  /**
   * Additional payment button (checkoutMode ProcessOrder): the merchant sent the address in
   * addressDetails, so it is shown, not chosen, and the buyer pays on this page.
   */
  merchantAddress: Address | null;
  processOrder: boolean;
  texts: HostedTexts;
  error?: string;
}

function addressChoices(input: SelectionPageInput): string {
  const t = input.texts;
  if (input.merchantAddress) {
    return `<fieldset><legend>${e(t.shippingTo)}</legend><p id="sandbox-merchant-address"><strong>${e(input.merchantAddress.name)}</strong><br><span class="detail">${e(addressText(input.merchantAddress))}</span></p></fieldset>`;
  }
  if (!input.needsAddress) return '';
  const firstAllowed = input.buyer.addresses.findIndex((a) => isAddressAllowed(a, input.deliverySpecifications));
  return `<fieldset><legend>${e(t.shippingAddress)}</legend>${input.buyer.addresses
    .map((address, index) => {
      const allowed = isAddressAllowed(address, input.deliverySpecifications);
      const checked = input.selectedAddress === String(index) || (input.selectedAddress === null && firstAllowed === index);
      return `<label class="option${allowed ? '' : ' disabled'}" for="sandbox-address-${index}"><input type="radio" name="address" id="sandbox-address-${index}" value="${index}"${allowed ? '' : ' disabled aria-describedby="sandbox-address-' + index + '-note"'}${checked && allowed ? ' checked' : ''}>
<span><strong>${e(address.name)}</strong><br><span class="detail">${e(addressText(address))}</span>${allowed ? '' : `<br><span class="note" id="sandbox-address-${index}-note">${e(t.doesNotDeliverHere)}</span>`}</span></label>`;
    })
    .join('\n')}</fieldset>`;
}

export function selectionPage(input: SelectionPageInput): string {
  const t = input.texts;
  const cards = `<fieldset><legend>${e(t.paymentMethod)}</legend>${input.buyer.cards
    .map((card, index) => {
      const checked = input.selectedCard === card.id || (input.selectedCard === null && index === 0);
      return `<label class="option" for="sandbox-card-${card.last4}"><input type="radio" name="card" id="sandbox-card-${card.last4}" value="${e(card.id)}"${checked ? ' checked' : ''}>
<span><strong>${e(t.cardEnding(card.brand, card.last4))}</strong><br><span class="detail">${e(t.expires(card.expiry))}</span>${cardNote(card, t)}</span></label>`;
    })
    .join('\n')}</fieldset>`;
  const error = input.error ? `<div class="error" role="alert" id="sandbox-error">${e(input.error)}</div>` : '';
  const choosesAddress = input.needsAddress && !input.merchantAddress;
  return layout(
    t.selectionTitle,
    `<h1>${e(t.hello(input.buyer.name.split(' ')[0] ?? input.buyer.name))}</h1>${summaryBlock(input.summary, t)}
<p class="lead">${e(choosesAddress ? t.choosePaymentAndAddress : t.choosePayment)}</p>${error}
<form method="post" action="/checkout/select" id="sandbox-selection-form">
<input type="hidden" name="amazonCheckoutSessionId" value="${e(input.sessionId)}"><input type="hidden" name="buyer" value="${e(buyerSlug(input.buyer))}">
${addressChoices(input)}${cards}
<button type="submit" class="primary" id="sandbox-continue">${e(input.processOrder ? t.payNow : t.continue)}</button>${input.cancelUrl ? `<a class="button secondary" id="sandbox-cancel" href="${e(input.cancelUrl)}">${e(t.cancelAndReturn)}</a>` : ''}
</form>`,
    t,
  );
}
