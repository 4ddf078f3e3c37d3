import { eq } from 'drizzle-orm';
import { addToCart, loadCart } from '@/lib/cart/cart';
import { completeCheckout } from '@/lib/checkout/complete';
import { CheckoutChangedError, placeOrder } from '@/lib/checkout/place-order';
import { snapshotTotal } from '@/lib/checkout/snapshot';
import { orders } from '@/lib/db/schema';
import { finishOrder } from '@/lib/orders/payments/finish';
import { cartWith, placeInput, sessionChosenBy } from '@/test/checkout-fixtures';
import { noteUnexpected, underChaos, type ChaosContext, type ShopperCheckout } from './context';
import { isCrash, SimulatedCrash } from './storefront-process';

/** Test-only: the shopper's side of a chaos run, through the real cart, checkout and completion code. */

const SHIPPED = ['ceramic-pour-over-dripper', 'single-origin-coffee-beans', 'linen-apron', 'enamel-camp-mug'] as const;
const DOWNLOADS = ['brewing-field-guide', 'latte-art-video-course'] as const;
const SUBSCRIPTION = 'monthly-coffee-club';

/**
 * Amazon's magic wallet cards (sandbox/simulations.ts): 1111 authorizes, 3434 declines,
 * 3064 is a buyer cancel, 0701 is pending then authorized, 4354 pending then declined.
 */
const CARD_WEIGHTS = { '1111': 10, '3434': 2, '3064': 1, '0701': 3, '4354': 3 } as const;

/** A new cart and Amazon's pages, with a random basket and card unless `chosen` names them. */
export async function startCheckout(ctx: ChaosContext, chosen?: { slugs: string[]; card: string }): Promise<string> {
  const { prng } = ctx;
  const slugs: string[] = [...(chosen?.slugs ?? [])];
  const basket = chosen ? 'chosen' : prng.weighted({ shipped: 5, download: 2, subscription: 2, mixed: 2 });
  if (basket === 'subscription') slugs.push(SUBSCRIPTION);
  if (basket === 'shipped' || basket === 'mixed') slugs.push(...Array.from({ length: prng.int(1, 3) }, () => prng.pick(SHIPPED)));
  if (basket === 'download' || basket === 'mixed') slugs.push(prng.pick(DOWNLOADS));
  const cart = await cartWith(ctx.db, ...slugs);
  const card = chosen?.card ?? prng.weighted(CARD_WEIGHTS);
  // The button click and the buyer's choices happen on Amazon's side, outside our processes.
  const checkoutSessionId = await sessionChosenBy(ctx.h, cart, { card, address: prng.int(0, 1) });
  const subscription = cart.lines.find((line) => line.product.kind === 'subscription');
  const checkout: ShopperCheckout = {
    label: `c${ctx.model.checkouts.length + 1}`,
    cartId: cart.id,
    checkoutSessionId,
    shopperTokenHash: prng.hex(64),
    stage: 'chosen',
    confirmedTotal: null,
    renewalAmount: subscription ? subscription.lineTotal.amount : null,
    redirectUrl: null,
    passedProcessingPage: false,
  };
  ctx.model.checkouts.push(checkout);
  return `${checkout.label} ${basket} card ${card} session ${checkoutSessionId}`;
}

/**
 * Review, then Place order: sometimes a second tab changes the cart after the review
 * (we must refuse without telling Amazon anything), sometimes the shopper double-clicks.
 * A shopper back on the review page of a placed order may change the cart and place again.
 */
export async function placeCheckout(ctx: ChaosContext, checkout: ShopperCheckout): Promise<string> {
  const { prng } = ctx;
  if (checkout.stage === 'placed') await addToCart(ctx.db, checkout.cartId, prng.pick(SHIPPED), 1);
  const cart = await loadCart(ctx.db, checkout.cartId, 'USD');
  const reviewed = await placeInput(ctx.h.client, cart, checkout.checkoutSessionId, checkout.shopperTokenHash);
  if (checkout.stage === 'chosen' && prng.chance(0.2)) return changedInAnotherTab(ctx, checkout, reviewed);

  const tabs = prng.chance(0.2) ? 2 : 1;
  checkout.confirmedTotal = snapshotTotal(reviewed.confirmedSnapshot);
  const results = await underChaos(ctx, `place ${checkout.label}`, tabs, (process) =>
    placeOrder(process.db, process.amazon, reviewed),
  );
  noteUnexpected(ctx, `place ${checkout.label}`, results);
  const placed = results.find((result) => result.ok);
  checkout.stage = placed ? 'placed' : 'chosen';
  checkout.redirectUrl = placed ? placed.value.redirectUrl : null;
  return `${checkout.label} ${tabs} tab(s), total ${checkout.confirmedTotal}: ${placed ? 'placed' : 'not placed'}`;
}

async function changedInAnotherTab(
  ctx: ChaosContext,
  checkout: ShopperCheckout,
  reviewed: Awaited<ReturnType<typeof placeInput>>,
): Promise<string> {
  const id = checkout.checkoutSessionId;
  await addToCart(ctx.db, checkout.cartId, ctx.prng.pick([...SHIPPED, ...DOWNLOADS]), 1);
  const changed = await loadCart(ctx.db, checkout.cartId, 'USD');
  const amazonBefore = sessionTerms(ctx, id);
  const ordersBefore = await ordersOf(ctx, id);
  const [result] = await underChaos(
    ctx,
    `place-changed ${checkout.label}`,
    1,
    (process) => placeOrder(process.db, process.amazon, { ...reviewed, cart: changed }),
    { faults: false, crashes: false },
  );
  const amazonAfter = sessionTerms(ctx, id);
  const ordersAfter = await ordersOf(ctx, id);
  if (!result || result.ok || !(result.error instanceof CheckoutChangedError)) {
    ctx.stats.violations.push(
      `multi-tab: checkout session ${id} (${checkout.label}): Place order with a review taken before the cart changed ` +
        `should throw CheckoutChangedError, got ${result?.ok ? 'success' : String(result?.error)}`,
    );
  }
  if (amazonAfter !== amazonBefore) {
    ctx.stats.violations.push(
      `multi-tab: checkout session ${id} (${checkout.label}) changed at Amazon although Place order was refused: ` +
        `before ${amazonBefore}, after ${amazonAfter}`,
    );
  }
  if (ordersAfter !== ordersBefore) {
    ctx.stats.violations.push(
      `multi-tab: our order for checkout session ${id} (${checkout.label}) changed although Place order was refused: ` +
        `before ${ordersBefore}, after ${ordersAfter}`,
    );
  }
  return `${checkout.label} cart changed in another tab: ${result?.ok ? 'placed (wrong)' : 'refused'}`;
}

/** What Amazon holds for the session that a Place order would change. */
function sessionTerms(ctx: ChaosContext, checkoutSessionId: string): string {
  const session = ctx.h.sandbox.store.session(checkoutSessionId);
  return JSON.stringify({
    chargeAmount: session.chargeAmount,
    totalOrderAmount: session.totalOrderAmount,
    merchantReferenceId: session.merchantMetadata.merchantReferenceId ?? null,
  });
}

async function ordersOf(ctx: ChaosContext, checkoutSessionId: string): Promise<string> {
  const rows = await ctx.db
    .select({ number: orders.number, total: orders.totalAmount, status: orders.status })
    .from(orders)
    .where(eq(orders.checkoutSessionId, checkoutSessionId));
  return JSON.stringify(rows);
}

/** The shopper passes Amazon's processing page and lands on our result page, in one to three tabs. */
export async function returnFromAmazon(ctx: ChaosContext, checkout: ShopperCheckout): Promise<string> {
  if (!checkout.passedProcessingPage && checkout.redirectUrl) {
    const processing = await ctx.h.page(checkout.redirectUrl);
    if (processing.status !== 303) {
      ctx.stats.unexpected.push(`return ${checkout.label}: the processing page answered ${processing.status}`);
    }
    checkout.passedProcessingPage = true;
  }
  return completeInTabs(ctx, checkout, ctx.prng.weighted({ 1: 6, 2: 3, 3: 1 }));
}

/** A refresh or a second tab on the result page after the first visit. */
export async function refreshResult(ctx: ChaosContext, checkout: ShopperCheckout): Promise<string> {
  return completeInTabs(ctx, checkout, ctx.prng.weighted({ 1: 3, 2: 1 }));
}

async function completeInTabs(ctx: ChaosContext, checkout: ShopperCheckout, tabs: string): Promise<string> {
  const input = { checkoutSessionId: checkout.checkoutSessionId, shopperTokenHash: checkout.shopperTokenHash };
  const results = await underChaos(ctx, `complete ${checkout.label}`, Number(tabs), (process) =>
    completeCheckout(process.db, process.amazon, input, {
      // As the result route queues the follow-up job; a dead process queues nothing.
      followUp: async (orderId) => {
        if (process.crashed) throw new SimulatedCrash(`process ${process.id} is down (job queue)`);
        ctx.model.followUps.push(orderId);
      },
    }),
  );
  noteUnexpected(ctx, `complete ${checkout.label}`, results);
  const answered = results.find((result) => result.ok);
  if (answered) checkout.stage = 'done';
  else if (checkout.stage === 'placed') checkout.stage = 'returned';
  return `${checkout.label} ${tabs} tab(s): ${answered ? JSON.stringify(answered.value) : 'no answer'}`;
}

/** The follow-up job finishes orders whose completion did not answer; a failed run is retried later. */
export async function followUp(ctx: ChaosContext, drain = false): Promise<string> {
  const queued = [...new Set(ctx.model.followUps.splice(0, ctx.model.followUps.length))];
  let tried = 0;
  const results = await underChaos(
    ctx,
    'follow-up',
    1,
    async (process) => {
      for (const orderId of queued) {
        tried += 1;
        try {
          await finishOrder(process.db, process.amazon, orderId);
        } catch (error) {
          ctx.model.followUps.push(orderId);
          if (isCrash(error)) throw error;
        }
      }
    },
    { faults: !drain, crashes: !drain },
  );
  noteUnexpected(ctx, 'follow-up', results);
  ctx.model.followUps.push(...queued.slice(tried));
  return `follow-up: ${queued.length} order(s)`;
}
