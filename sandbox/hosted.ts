import { formatMoney } from '@/lib/money';
import { buttonStartSchema, startFromButton, verifyButtonConfig } from './button';
import { buyerSlug, findBuyer, findBuyerBySlug, isAddressAllowed, TEST_BUYERS } from './buyers';
import type { SandboxContext } from './context';
import { bodyText, html, json, parseJsonBody, redirect, SandboxHttpError, type RawRequest } from './http';
import { textsFor, type HostedTexts } from './locales';
import { errorPage, selectionPage, signInPage, type OrderSummary } from './pages';
import { parseBody } from './schemas';
import { associateBuyer, processAtRedirect } from './state/checkout-session';
import type { CheckoutSessionRecord } from './state/types';
import { z } from 'zod';

/**
 * The buyer's side of checkout: sign-in → address and payment →
 * back to checkoutReviewReturnUrl; amazonPayRedirectUrl → checkoutResultReturnUrl;
 * additional payment button (checkoutMode ProcessOrder): sign-in → payment → paid and back to
 * checkoutResultReturnUrl; sign-in button → signInReturnUrl?buyerToken=…
 * Pages speak the button's checkoutLanguage.
 */
function withQuery(url: string, key: string, value: string): string {
  const target = new URL(url);
  target.searchParams.set(key, value);
  return target.toString();
}

function form(request: RawRequest): URLSearchParams {
  return new URLSearchParams(bodyText(request));
}

function sessionFrom(ctx: SandboxContext, id: string | null): CheckoutSessionRecord {
  if (!id) throw new SandboxHttpError(400, 'MissingParameterValue', 'amazonCheckoutSessionId is missing.');
  return ctx.store.session(id);
}

function needsAddress(session: CheckoutSessionRecord): boolean {
  return session.productType !== 'PayOnly';
}

/** The additional payment button's session: Amazon's page completes the payment. */
function processesOrder(session: CheckoutSessionRecord): boolean {
  return session.webCheckoutDetails.checkoutMode === 'ProcessOrder';
}

const textsOf = (session: CheckoutSessionRecord | undefined): HostedTexts => textsFor(session?.checkoutLanguage);

function cancelUrl(session: CheckoutSessionRecord): string | null {
  const url = session.webCheckoutDetails.checkoutCancelUrl ?? session.webCheckoutDetails.checkoutReviewReturnUrl;
  return url
    ? new URL(url).origin + (session.webCheckoutDetails.checkoutCancelUrl ? new URL(url).pathname + new URL(url).search : '/')
    : null;
}

/**
 * The store the buyer pays and the amount. Amazon shows the store name registered for the
 * storeId in Seller Central, or merchantMetadata.merchantStoreName when the merchant sends one
 * (https://developer.amazon.com/docs/amazon-pay-api-v2/checkout-session.html); the sandbox has
 * no Seller Central, so without merchantStoreName it names the store by its storeId
 * (sandbox/README.md). The amount is the session's charge (or order) amount, else the
 * button's estimatedOrderAmount.
 */
export function orderSummary(session: CheckoutSessionRecord): OrderSummary {
  const named = session.merchantMetadata['merchantStoreName'];
  const charge = session.chargeAmount ?? session.totalOrderAmount;
  const amount = charge ?? session.estimatedOrderAmount ?? null;
  return {
    storeName: typeof named === 'string' && named.trim() !== '' ? named : session.storeId,
    amount: amount ? { text: formatMoney(amount), estimated: !charge } : null,
  };
}

function renderSelection(session: CheckoutSessionRecord, buyerSlugValue: string, error?: string): Response {
  const t = textsOf(session);
  const buyer = findBuyerBySlug(buyerSlugValue);
  if (!buyer) return html(400, errorPage(t.unknownTestAccount, `No test buyer ${buyerSlugValue}.`, 'InvalidParameterValue', t));
  const merchantAddress = processesOrder(session) ? session.shippingAddress : null;
  const selectedAddress =
    session.buyerId === buyer.buyerId && session.shippingAddress
      ? String(buyer.addresses.findIndex((a) => a === session.shippingAddress))
      : null;
  return html(
    error ? 400 : 200,
    selectionPage({
      sessionId: session.id,
      buyer,
      needsAddress: needsAddress(session),
      deliverySpecifications: session.deliverySpecifications,
      selectedAddress,
      selectedCard: session.buyerId === buyer.buyerId ? (session.card?.id ?? null) : null,
      summary: orderSummary(session),
      cancelUrl: cancelUrl(session),
      merchantAddress,
      processOrder: processesOrder(session),
      texts: t,
      ...(error ? { error } : {}),
    }),
  );
}

export async function handleHosted(ctx: SandboxContext, request: RawRequest): Promise<Response | null> {
  const path = request.url.pathname.replace(/\/+$/, '') || '/';
  const q = request.url.searchParams;
  try {
    ctx.store.tick();
    if (path === '/checkout/verify-button' && request.method === 'POST') {
      const input = parseBody(z.object({ config: buttonStartSchema.shape.config }), parseJsonBody(request));
      verifyButtonConfig(ctx, input.config);
      return json(200, { valid: true });
    }
    if (path === '/checkout/start' && request.method === 'POST') {
      return json(200, { redirectUrl: startFromButton(ctx, parseBody(buttonStartSchema, parseJsonBody(request))) });
    }
    if (path === '/checkout/signout' && request.method === 'POST') return json(200, {});

    if (path === '/checkout/signin' && request.method === 'GET') {
      const session = sessionFrom(ctx, q.get('amazonCheckoutSessionId'));
      const t = textsOf(session);
      if (session.status.state !== 'Open')
        return html(
          422,
          errorPage(t.checkoutUnavailable, t.checkoutInState(session.status.state), 'InvalidCheckoutSessionStatus', t),
        );
      return html(
        200,
        signInPage(
          '/checkout/signin',
          { amazonCheckoutSessionId: session.id },
          TEST_BUYERS,
          t.checkoutPurpose,
          t,
          orderSummary(session),
        ),
      );
    }
    if (path === '/checkout/signin' && request.method === 'POST') {
      const body = form(request);
      const session = sessionFrom(ctx, body.get('amazonCheckoutSessionId'));
      return redirect(
        `/checkout/select?amazonCheckoutSessionId=${encodeURIComponent(session.id)}&buyer=${encodeURIComponent(body.get('buyer') ?? '')}`,
      );
    }
    if (path === '/checkout/select' && request.method === 'GET') {
      const session = sessionFrom(ctx, q.get('amazonCheckoutSessionId'));
      return renderSelection(session, q.get('buyer') ?? '');
    }
    if (path === '/checkout/select' && request.method === 'POST') return select(ctx, form(request));
    if (path === '/checkout/change' && request.method === 'GET') {
      // bindChangeAction: same selection page for the buyer already on the session.
      const session = sessionFrom(ctx, q.get('amazonCheckoutSessionId'));
      const buyer = session.buyerId ? findBuyer(session.buyerId) : undefined;
      if (!buyer) return redirect(`/checkout/signin?amazonCheckoutSessionId=${encodeURIComponent(session.id)}`);
      return renderSelection(session, buyerSlug(buyer));
    }
    if (path === '/checkout/processing' && request.method === 'GET') {
      const session = sessionFrom(ctx, q.get('amazonCheckoutSessionId'));
      const resultUrl = session.webCheckoutDetails.checkoutResultReturnUrl;
      // A reload (or Back) after processing just returns the buyer again, as Amazon's page does.
      if (!session.buyerReturned) processAtRedirect(ctx.store, session);
      if (!resultUrl) throw new SandboxHttpError(422, 'CheckoutResultReturnUrlNotSet', 'checkoutResultReturnUrl is not set.');
      return redirect(withQuery(resultUrl, 'amazonCheckoutSessionId', session.id));
    }
    if (path === '/signin' && request.method === 'GET') {
      const token = q.get('token') ?? '';
      const signIn = ctx.store.signIns.get(token);
      if (!signIn) return html(404, errorPage('Sign-in expired', 'Start again from the merchant site.', 'ResourceNotFound'));
      const t = textsFor(signIn.checkoutLanguage);
      // Amazon's sign-in page names the store asking; there is no amount to show.
      const summary = { storeName: signIn.storeId, amount: null };
      return html(200, signInPage('/signin', { token }, TEST_BUYERS, t.signInPurpose, t, summary));
    }
    if (path === '/signin' && request.method === 'POST') {
      const body = form(request);
      const signIn = ctx.store.signIns.get(body.get('token') ?? '');
      const buyer = findBuyerBySlug(body.get('buyer') ?? '');
      if (!signIn || !buyer)
        return html(400, errorPage('Sign-in failed', 'Unknown sign-in or test account.', 'InvalidParameterValue'));
      // The buyerToken remembers the scopes the sign-in asked for; getBuyer returns only those.
      const buyerToken = ctx.store.signInBuyer(body.get('token') ?? '', buyer.buyerId);
      if (!buyerToken) return html(400, errorPage('Sign-in failed', 'Unknown sign-in or test account.', 'InvalidParameterValue'));
      return redirect(withQuery(signIn.signInReturnUrl, 'buyerToken', buyerToken));
    }
    return null;
  } catch (error) {
    if (!(error instanceof SandboxHttpError)) throw error;
    if (path.startsWith('/checkout/start') || path.startsWith('/checkout/verify-button'))
      return json(error.status, { reasonCode: error.reasonCode, message: error.message });
    const t = textsOf(ctx.store.sessions.get(q.get('amazonCheckoutSessionId') ?? ''));
    return html(error.status, errorPage(t.somethingWentWrong, error.message, error.reasonCode, t));
  }
}

function select(ctx: SandboxContext, body: URLSearchParams): Response {
  const session = sessionFrom(ctx, body.get('amazonCheckoutSessionId'));
  const t = textsOf(session);
  const buyer = findBuyerBySlug(body.get('buyer') ?? '');
  if (!buyer) return html(400, errorPage(t.unknownTestAccount, 'Choose a test account.', 'InvalidParameterValue', t));
  const card = buyer.cards.find((c) => c.id === body.get('card'));
  if (!card) return renderSelection(session, buyerSlug(buyer), t.pickPaymentMethod);
  if (processesOrder(session)) {
    // The merchant's addressDetails stand; the buyer only picks how to pay, and pays here.
    associateBuyer(session, buyer.buyerId, session.shippingAddress, card);
    processAtRedirect(ctx.store, session);
    const resultUrl = session.webCheckoutDetails.checkoutResultReturnUrl;
    if (!resultUrl) throw new SandboxHttpError(422, 'CheckoutResultReturnUrlNotSet', 'checkoutResultReturnUrl is not set.');
    return redirect(withQuery(resultUrl, 'amazonCheckoutSessionId', session.id));
  }
  let address = null;
  if (needsAddress(session)) {
    address = buyer.addresses[Number(body.get('address') ?? 'NaN')] ?? null;
    if (!address) return renderSelection(session, buyerSlug(buyer), t.pickShippingAddress);
    // deliverySpecifications (https://developer.amazon.com/docs/amazon-pay-api-v2/checkout-session.html): a
    // restricted address cannot be chosen, even by a hand-made POST.
    if (!isAddressAllowed(address, session.deliverySpecifications))
      return renderSelection(session, buyerSlug(buyer), t.doesNotDeliverToChosen);
  }
  associateBuyer(session, buyer.buyerId, address, card);
  const reviewUrl = session.webCheckoutDetails.checkoutReviewReturnUrl;
  if (!reviewUrl) throw new SandboxHttpError(422, 'InvalidCheckoutSessionStatus', 'checkoutReviewReturnUrl is not set.');
  return redirect(withQuery(reviewUrl, 'amazonCheckoutSessionId', session.id));
}
