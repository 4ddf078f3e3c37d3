import 'server-only';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { readCookie, setCookie } from '@/lib/cookies';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { addToCart, cartExists, createCart, emptyCart, loadCart, removeLine, setLineQuantity, type Cart } from './cart';

export type { BrowserCart, Cart, CartLine } from './cart';
export { browserCart } from './cart';
export { MAX_QUANTITY_PER_LINE } from './limits';

export const CART_COOKIE = 'cart_id';
const cartIdSchema = z.uuid();

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
