import { formatMoney } from '@/lib/money';
import { buttonStartSchema, startFromButton, verifyButtonConfig } from './button';
import { buyerSlug, findBuyer, findBuyerBySlug, isAddressAllowed, TEST_BUYERS } from './buyers';
import type { SandboxContext } from './context';
import { bodyText, html, json, parseJsonBody, redirect, SandboxHttpError, type RawRequest } from './http';
import { errorPage, selectionPage, signInPage } from './pages';
import { parseBody } from './schemas';
import { associateBuyer, processAtRedirect } from './state/checkout-session';
import { ids } from './state/store';
import type { CheckoutSessionRecord } from './state/types';
import { z } from 'zod';

/**
 * The buyer's side of checkout: sign-in → address and payment →
 * back to checkoutReviewReturnUrl; amazonPayRedirectUrl → checkoutResultReturnUrl;
 * sign-in button → signInReturnUrl?buyerToken=…
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

function cancelUrl(session: CheckoutSessionRecord): string | null {
  const url = session.webCheckoutDetails.checkoutCancelUrl ?? session.webCheckoutDetails.checkoutReviewReturnUrl;
  return url
    ? new URL(url).origin + (session.webCheckoutDetails.checkoutCancelUrl ? new URL(url).pathname + new URL(url).search : '/')
    : null;
}

function renderSelection(session: CheckoutSessionRecord, buyerSlugValue: string, error?: string): Response {
  const buyer = findBuyerBySlug(buyerSlugValue);
  if (!buyer) return html(400, errorPage('Unknown test account', `No test buyer ${buyerSlugValue}.`, 'InvalidParameterValue'));
  const amount = session.chargeAmount ?? session.totalOrderAmount;
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
      amountText: amount ? formatMoney(amount) : null,
      cancelUrl: cancelUrl(session),
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
      if (session.status.state !== 'Open')
        return html(
          422,
          errorPage('Checkout unavailable', `This checkout is ${session.status.state}.`, 'InvalidCheckoutSessionStatus'),
        );
      return html(
        200,
        signInPage(
          '/checkout/signin',
          { amazonCheckoutSessionId: session.id },
          TEST_BUYERS,
          'Pay with the address and payment method stored in your Amazon account.',
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
      if (!ctx.store.signIns.has(token))
        return html(404, errorPage('Sign-in expired', 'Start again from the merchant site.', 'ResourceNotFound'));
      return html(200, signInPage('/signin', { token }, TEST_BUYERS, 'Share your name and email with the merchant.'));
    }
    if (path === '/signin' && request.method === 'POST') {
      const body = form(request);
      const signIn = ctx.store.signIns.get(body.get('token') ?? '');
      const buyer = findBuyerBySlug(body.get('buyer') ?? '');
      if (!signIn || !buyer)
        return html(400, errorPage('Sign-in failed', 'Unknown sign-in or test account.', 'InvalidParameterValue'));
      ctx.store.signIns.delete(body.get('token') ?? '');
      const buyerToken = ids.token();
      ctx.store.buyerTokens.set(buyerToken, buyer.buyerId);
      return redirect(withQuery(signIn.signInReturnUrl, 'buyerToken', buyerToken));
    }
    return null;
  } catch (error) {
    if (!(error instanceof SandboxHttpError)) throw error;
    if (path.startsWith('/checkout/start') || path.startsWith('/checkout/verify-button'))
      return json(error.status, { reasonCode: error.reasonCode, message: error.message });
    return html(error.status, errorPage('Something went wrong', error.message, error.reasonCode));
  }
}

function select(ctx: SandboxContext, body: URLSearchParams): Response {
  const session = sessionFrom(ctx, body.get('amazonCheckoutSessionId'));
  const buyer = findBuyerBySlug(body.get('buyer') ?? '');
  if (!buyer) return html(400, errorPage('Unknown test account', 'Choose a test account.', 'InvalidParameterValue'));
  const card = buyer.cards.find((c) => c.id === body.get('card'));
  if (!card) return renderSelection(session, buyerSlug(buyer), 'Choose a payment method.');
  let address = null;
  if (needsAddress(session)) {
    address = buyer.addresses[Number(body.get('address') ?? 'NaN')] ?? null;
    if (!address) return renderSelection(session, buyerSlug(buyer), 'Choose a shipping address.');
    // deliverySpecifications (https://developer.amazon.com/docs/amazon-pay-api-v2/checkout-session.html): a
    // restricted address cannot be chosen, even by a hand-made POST.
    if (!isAddressAllowed(address, session.deliverySpecifications))
      return renderSelection(session, buyerSlug(buyer), 'This merchant does not deliver to the chosen address.');
  }
  associateBuyer(session, buyer.buyerId, address, card);
  const reviewUrl = session.webCheckoutDetails.checkoutReviewReturnUrl;
  if (!reviewUrl) throw new SandboxHttpError(422, 'InvalidCheckoutSessionStatus', 'checkoutReviewReturnUrl is not set.');
  return redirect(withQuery(reviewUrl, 'amazonCheckoutSessionId', session.id));
}
