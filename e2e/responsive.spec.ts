import { expect, test, type Locator, type Page } from '@playwright/test';
import { signInAdmin } from './support/admin';
import { requireOfflineSandbox } from './support/environment';
import {
  addToCart,
  checkOutWithAmazon,
  checkoutSessionIdFrom,
  enterShopAddress,
  orderNumberFrom,
  placeOrder,
  SANDBOX_URL,
} from './support/shop';

/** A small phone held upright (an iPhone 12 to 15's CSS viewport): no page may scroll sideways in it. */
const PHONE = { width: 390, height: 844 };
/** Where to keep a full-page screenshot of every visit, when set. */
const SHOTS = process.env.E2E_SHOTS;

/**
 * What the visits need: an order and a subscription placed through the emulator, a checkout still open (its cart
 * also feeds the address checkout), a report and a message.
 */
interface Fixtures {
  orderNumber: string;
  subscriptionNumber: string;
  placedCheckoutId: string;
  openReviewUrl: string;
  reportId: string;
  outboxId: string;
}

/**
 * One page to look at, and who looks: a guest, the shopper signed in with Amazon, or the admin. `ready` names
 * what proves the page itself rendered (its heading, as a rule), so a page that moved or broke fails here
 * instead of passing as a narrow error page. `act`, when given, is what the visitor does on the page first, for a
 * state its URL alone does not reach.
 */
interface Visit {
  name: string;
  as: 'guest' | 'shopper' | 'admin';
  path: (fixtures: Fixtures) => string;
  act?: (page: Page) => Promise<void>;
  ready: (page: Page, fixtures: Fixtures) => Locator;
}

const h1 = (name: string | RegExp) => (page: Page) => page.getByRole('heading', { level: 1, name });

const PAGES: readonly Visit[] = [
  { as: 'guest', name: 'home', path: () => '/', ready: h1('Good things for slow mornings') },
  { as: 'guest', name: 'product', path: () => '/products/walnut-desk-organizer', ready: h1('Walnut Desk Organizer') },
  { as: 'guest', name: 'product (subscription)', path: () => '/products/monthly-coffee-club', ready: h1('Monthly Coffee Club') },
  { as: 'guest', name: 'cart', path: () => '/cart', ready: h1('Your cart') },
  {
    as: 'guest',
    name: 'cart after a failed payment',
    path: () => '/cart?payment=InvalidLink',
    ready: (page) => page.getByRole('heading', { level: 1, name: 'Your cart' }),
  },
  { as: 'guest', name: 'checkout review', path: ({ openReviewUrl }) => openReviewUrl, ready: h1('Review your order') },
  {
    as: 'guest',
    name: 'address checkout, form',
    path: () => '/checkout/address',
    ready: (page) => page.getByRole('button', { name: 'Continue to payment' }),
  },
  {
    as: 'guest',
    name: 'address checkout, totals',
    path: () => '/checkout/address',
    act: (page) => enterShopAddress(page),
    ready: (page) => page.getByTestId('address-total'),
  },
  {
    as: 'guest',
    name: 'checkout result',
    path: ({ placedCheckoutId }) => `/checkout/result?amazonCheckoutSessionId=${placedCheckoutId}`,
    ready: (page, { orderNumber }) => page.getByRole('heading', { level: 1, name: `Order ${orderNumber}` }),
  },
  {
    as: 'guest',
    name: 'order',
    path: ({ orderNumber }) => `/orders/${orderNumber}`,
    ready: (page, { orderNumber }) => page.getByRole('heading', { level: 1, name: `Order ${orderNumber}` }),
  },
  { as: 'guest', name: 'order not found', path: () => '/orders/NW-999999', ready: h1('Order not found') },
  { as: 'guest', name: 'account, signed out', path: () => '/account', ready: h1('Your account') },
  {
    as: 'guest',
    name: 'sign-in return with a bad link',
    path: () => '/account/signin?buyerToken=x',
    ready: (page) => page.getByRole('alert').filter({ hasText: 'That sign-in link is not valid' }),
  },
  { as: 'guest', name: 'not found', path: () => '/no-such-page', ready: h1('We couldn’t find that page') },
  { as: 'guest', name: 'admin login', path: () => '/admin/login', ready: h1('Store admin') },
  { as: 'shopper', name: 'account, signed in', path: () => '/account', ready: h1('Jane Doe') },
  { as: 'admin', name: 'dashboard', path: () => '/admin', ready: h1('Dashboard') },
  { as: 'admin', name: 'orders list', path: () => '/admin/orders', ready: h1('Orders') },
  { as: 'admin', name: 'orders list, checkout attempts', path: () => '/admin/orders?view=attempts', ready: h1('Orders') },
  { as: 'admin', name: 'orders list, all', path: () => '/admin/orders?view=all', ready: h1('Orders') },
  {
    as: 'admin',
    name: 'order detail',
    path: ({ orderNumber }) => `/admin/orders/${orderNumber}`,
    ready: (page, { orderNumber }) => page.getByRole('heading', { level: 1, name: `Order ${orderNumber}` }),
  },
  { as: 'admin', name: 'subscriptions list', path: () => '/admin/subscriptions', ready: h1('Subscriptions') },
  {
    as: 'admin',
    name: 'subscription detail',
    path: ({ subscriptionNumber }) => `/admin/subscriptions/${subscriptionNumber}`,
    ready: (page, { subscriptionNumber }) => page.getByRole('heading', { level: 1, name: `Subscription ${subscriptionNumber}` }),
  },
  { as: 'admin', name: 'products', path: () => '/admin/products', ready: h1('Products') },
  { as: 'admin', name: 'reports list', path: () => '/admin/reports', ready: h1('Amazon Pay reports') },
  {
    as: 'admin',
    name: 'report detail',
    path: ({ reportId }) => `/admin/reports/${reportId}`,
    ready: (page, { reportId }) => page.getByRole('heading', { level: 1, name: reportId }),
  },
  {
    as: 'admin',
    name: 'settlement reconciliation',
    path: ({ reportId }) => `/admin/reports/${reportId}/reconcile`,
    ready: h1('Settlement reconciliation'),
  },
  {
    as: 'admin',
    name: 'eComCharge',
    path: () => '/admin/reports/ecomcharge?mode=day&date=2026-01-15&status=all&dateType=created_at&timeZone=Etc%2FUTC',
    ready: h1('eComCharge transactions'),
  },
  { as: 'admin', name: 'jobs', path: () => '/admin/jobs', ready: h1('Background work') },
  { as: 'admin', name: 'outbox list', path: () => '/admin/outbox', ready: h1('E-mail outbox') },
  {
    as: 'admin',
    name: 'outbox message',
    path: ({ outboxId }) => `/admin/outbox/${outboxId}`,
    // Its h1 is the message's subject; the parts below it are what only this page has.
    ready: (page) => page.getByRole('heading', { level: 2, name: 'Plain text' }),
  },
];

/** How wide the page is, and which elements reach past the viewport without a scroller of their own to hold them. */
function measure(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    // An absolutely placed box (visually hidden text, as a rule) escapes every scroller between it and its
    // containing block, the nearest positioned ancestor (https://www.w3.org/TR/css-overflow-3/#overflow-properties).
    const clipped = (element: Element) => {
      let position = getComputedStyle(element).position;
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (position === 'fixed' || parent === document.body || parent === document.documentElement) return false;
        const style = getComputedStyle(parent);
        if (position === 'absolute' && style.position === 'static') continue;
        if (style.overflowX !== 'visible') return true;
        position = style.position;
      }
      return false;
    };
    const describe = (element: Element) => {
      const tag = element.tagName.toLowerCase();
      const label = element.getAttribute('data-testid') ?? element.id ?? '';
      const classes = (element.getAttribute('class') ?? '').split(/\s+/).slice(0, 4).join('.');
      const text = (element.textContent ?? '').trim().slice(0, 30);
      return `${tag}${label ? `#${label}` : ''}${classes ? `.${classes}` : ''} "${text}" (${Math.round(element.getBoundingClientRect().right)}px)`;
    };
    const sticking = [...document.body.querySelectorAll('*')].filter(
      (element) => element.getBoundingClientRect().right > width + 0.5 && !clipped(element),
    );
    // The innermost ones say what to fix; their ancestors only stick out because of them.
    const innermost = sticking.filter((element) => !sticking.some((other) => other !== element && element.contains(other)));
    return {
      html: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      culprits: innermost.slice(0, 8).map(describe),
    };
  });
}

async function visitAll(page: Page, visits: readonly Visit[], fixtures: Fixtures): Promise<void> {
  for (const visit of visits) {
    await test.step(visit.name, async () => {
      await page.goto(visit.path(fixtures));
      await visit.act?.(page);
      await expect(visit.ready(page, fixtures), `${visit.name}: the page did not render`).toBeVisible();
      // Fonts, images and client components settle before the page's width is final.
      await page.waitForLoadState('networkidle');
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${visit.name.replace(/[^a-z0-9]+/gi, '-')}.png`, fullPage: true });
      const { html, body, culprits } = await measure(page);
      const widths = `document ${html}px, body ${body}px; sticking out: ${culprits.join('; ') || 'nothing measured'}`;
      expect.soft(html, `${visit.name} scrolls sideways at ${PHONE.width}px (${widths})`).toBeLessThanOrEqual(PHONE.width);
      expect.soft(body, `${visit.name} scrolls sideways at ${PHONE.width}px (${widths})`).toBeLessThanOrEqual(PHONE.width);
    });
  }
}

async function withinViewport(locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
}

/** Places an order and a subscription through the emulator, then opens a third checkout and stops on its review page. */
async function shopFixtures(
  page: Page,
): Promise<Pick<Fixtures, 'orderNumber' | 'subscriptionNumber' | 'placedCheckoutId' | 'openReviewUrl'>> {
  await addToCart(page, 'enamel-camp-mug');
  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '1111' });
  const placedCheckoutId = checkoutSessionIdFrom(page.url());
  await placeOrder(page);
  const orderNumber = await orderNumberFrom(page);
  await addToCart(page, 'monthly-coffee-club');
  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '1111' });
  await placeOrder(page);
  const subscriptionNumber = await orderNumberFrom(page);
  await addToCart(page, 'walnut-desk-organizer');
  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '1111' });
  return { orderNumber, subscriptionNumber, placedCheckoutId, openReviewUrl: page.url() };
}

test.use({ viewport: PHONE });
test.beforeEach(() => requireOfflineSandbox('the visits need an emulated order, report and e-mail'));

test('no storefront or admin page scrolls sideways at 390px, and the admin menu opens', async ({ page }) => {
  test.setTimeout(300_000);
  const shop = await shopFixtures(page);
  const created = await page.request.post(`${SANDBOX_URL}/__sandbox/reports/synthetic`, { data: { sizeBytes: 20_000 } });
  expect(created.status()).toBe(201);
  const { reportId } = (await created.json()) as { reportId: string };
  const fixtures: Fixtures = { ...shop, reportId, outboxId: '' };
  const visits = (as: Visit['as']) => PAGES.filter((visit) => visit.as === as);

  await visitAll(page, visits('guest'), fixtures);

  await page.goto('/account');
  await page.getByTestId('amazon-button-SignIn').getByRole('button').click();
  await page.locator('#sandbox-buyer-jane').check();
  await page.locator('#sandbox-signin-continue').click();
  await expect(page).toHaveURL(/\/account$/);
  await visitAll(page, visits('shopper'), fixtures);

  await signInAdmin(page.request);
  // The order's confirmation e-mail is queued when Amazon's authorization lands.
  await page.goto('/admin/outbox');
  const firstMessage = page.locator('a[href^="/admin/outbox/"]').first();
  await expect(firstMessage).toBeVisible();
  fixtures.outboxId = (await firstMessage.getAttribute('href'))!.split('/').pop()!;
  await visitAll(page, visits('admin'), fixtures);

  await test.step('admin menu', async () => {
    await page.goto('/admin');
    const toggle = page.getByRole('button', { name: 'Menu' });
    const signOut = page.getByRole('button', { name: 'Sign out', exact: true });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(signOut).toBeHidden();
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await withinViewport(signOut);
    await withinViewport(page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Outbox' }));
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/admin-menu-open.png` });
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toBeFocused();

    await toggle.click();
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Orders' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
    // A new page starts with the menu closed.
    await expect(page.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false');
  });
});

test.describe('at desktop width', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the admin nav and Sign out sit in the header, with no Menu button', async ({ page }) => {
    await signInAdmin(page.request);
    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Outbox' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
  });
});
