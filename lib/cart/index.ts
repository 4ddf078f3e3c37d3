import 'server-only';
import { getConfig } from '@/lib/config';
import { readCookie, setCookie } from '@/lib/cookies';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { cartIdSchema } from '@/lib/ids';
import {
  addToCart,
  cartExists,
  createCart,
  createSingleLineCart,
  emptyCart,
  loadCart,
  removeLine,
  setLineQuantity,
  type Cart,
} from './cart';

export type { BrowserCart, Cart, CartLine } from './cart';
export { browserCart } from './cart';
export { MAX_QUANTITY_PER_LINE } from './limits';

export const CART_COOKIE = 'cart_id';

/** The cart id in this browser's cookie, if it is well formed (the cart may no longer exist). */
export async function readCartId(): Promise<string | undefined> {
  const parsed = cartIdSchema.safeParse(await readCookie(CART_COOKIE));
  return parsed.success ? parsed.data : undefined;
}

/** The shopper's cart, or an empty one; never creates a row (safe to call while rendering). */
export async function getCurrentCart(): Promise<Cart> {
  const currency = getConfig().store.currency;
  const cartId = await readCartId();
  const db = await getDb();
  if (!cartId || !(await cartExists(db, cartId))) return emptyCart('', currency);
  return loadCart(db, cartId, currency);
}

/** The shopper's cart id, creating the cart and its cookie on first use. Server actions only. */
export async function ensureCartId(): Promise<string> {
  const db = await getDb();
  const existing = await readCartId();
  if (existing && (await cartExists(db, existing))) return existing;
  const cartId = await createCart(db, getConfig().store.currency);
  await setCookie(CART_COOKIE, cartId, { maxAgeDays: 30 });
  return cartId;
}

/** A separate one-line cart for "buy now"; its id travels with the checkout, never in the cart cookie. */
export async function createBuyNowCart(slug: string, quantity: number): Promise<string> {
  return createSingleLineCart(await getDb(), getConfig().store.currency, slug, quantity);
}

/**
 * The cart a checkout pays for: its "buy now" cart when the checkout carries one (an empty
 * cart once that one is gone, never the main cart in its place), else the shopper's cart.
 */
export async function getCheckoutCart(buyNowCartId: string | undefined): Promise<Cart> {
  if (!buyNowCartId) return getCurrentCart();
  const currency = getConfig().store.currency;
  const db = await getDb();
  if (!(await cartExists(db, buyNowCartId))) return emptyCart('', currency);
  return loadCart(db, buyNowCartId, currency);
}

/** The cart id from the cookie when that cart still exists. */
async function currentCartId(): Promise<string | undefined> {
  const cartId = await readCartId();
  if (!cartId) return undefined;
  return (await cartExists(await getDb(), cartId)) ? cartId : undefined;
}

async function requireCartId(): Promise<string> {
  const cartId = await currentCartId();
  if (!cartId) throw new NotFoundError('Your cart has expired. Please add the items again.');
  return cartId;
}

/** Adds to the shopper's cart, creating the cart on first use. Server actions only. */
export async function addToCurrentCart(slug: string, quantity: number): Promise<void> {
  const cartId = await ensureCartId();
  await addToCart(await getDb(), cartId, slug, quantity);
}

export async function setCurrentCartLineQuantity(lineId: string, quantity: number): Promise<void> {
  await setLineQuantity(await getDb(), await requireCartId(), lineId, quantity);
}

export async function removeCurrentCartLine(lineId: string): Promise<void> {
  await removeLine(await getDb(), await requireCartId(), lineId);
}
