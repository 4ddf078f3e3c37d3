import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '@/lib/catalog/seed';
import type { DatabaseHandle } from '@/lib/db/connection';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { money } from '@/lib/money';
import { testDatabaseTargets } from '@/test/databases';
import { count } from 'drizzle-orm';
import { carts } from '@/lib/db/schema';
import { addToCart, createCart, createSingleLineCart, loadCart, removeLine, setLineQuantity } from './cart';

describe.each(testDatabaseTargets)('cart on $name', (target) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await target.open();
    await seedCatalog(handle.db, 'USD');
  });
  afterAll(async () => handle?.close());

  it('adds lines, merges repeats and prices the cart on the server', async () => {
    const cartId = await createCart(handle.db, 'USD');
    await addToCart(handle.db, cartId, 'enamel-camp-mug', 2);
    await addToCart(handle.db, cartId, 'brewing-field-guide', 1);
    await addToCart(handle.db, cartId, 'enamel-camp-mug', 1);
    const cart = await loadCart(handle.db, cartId, 'USD');
    expect(cart.lines.map((line) => [line.product.slug, line.quantity])).toEqual([
      ['enamel-camp-mug', 3],
      ['brewing-field-guide', 1],
    ]);
    expect(cart.itemCount).toBe(4);
    expect(cart.subtotal).toEqual(money(3 * 2200 + 1200, 'USD'));
    expect(cart.estimatedShipping).toEqual(money(595, 'USD'));
    expect(cart.ships).toBe(true);
  });

  it('"buy now" makes a single-line cart of its own and leaves the shopper\'s cart as it was', async () => {
    const mainCartId = await createCart(handle.db, 'USD');
    await addToCart(handle.db, mainCartId, 'enamel-camp-mug', 1);
    const buyNowCartId = await createSingleLineCart(handle.db, 'USD', 'linen-apron', 3);
    expect(buyNowCartId).not.toBe(mainCartId);
    const buyNow = await loadCart(handle.db, buyNowCartId, 'USD');
    expect(buyNow.lines.map((line) => [line.product.slug, line.quantity])).toEqual([['linen-apron', 3]]);
    expect(buyNow.subtotal).toEqual(money(3 * 4200, 'USD'));
    const main = await loadCart(handle.db, mainCartId, 'USD');
    expect(main.lines.map((line) => [line.product.slug, line.quantity])).toEqual([['enamel-camp-mug', 1]]);
  });

  it('"buy now" of something that cannot be bought leaves no empty cart behind', async () => {
    const [before] = await handle.db.select({ value: count() }).from(carts);
    await expect(createSingleLineCart(handle.db, 'USD', 'no-such-thing', 1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createSingleLineCart(handle.db, 'USD', 'monthly-coffee-club', 2)).rejects.toBeInstanceOf(ValidationError);
    const [after] = await handle.db.select({ value: count() }).from(carts);
    expect(after?.value).toBe(before?.value);
  });

  it('changes quantities and removes lines', async () => {
    const cartId = await createCart(handle.db, 'USD');
    await addToCart(handle.db, cartId, 'linen-apron', 1);
    await addToCart(handle.db, cartId, 'latte-art-video-course', 1);
    let cart = await loadCart(handle.db, cartId, 'USD');
    const [apron, course] = cart.lines;
    await setLineQuantity(handle.db, cartId, apron!.id, 4);
    await removeLine(handle.db, cartId, course!.id);
    cart = await loadCart(handle.db, cartId, 'USD');
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]?.quantity).toBe(4);
    expect(cart.subtotal).toEqual(money(4 * 4200, 'USD'));
    await setLineQuantity(handle.db, cartId, apron!.id, 0);
    expect((await loadCart(handle.db, cartId, 'USD')).lines).toHaveLength(0);
  });

  it('refuses unknown products, quantity limits and other carts’ lines, changing nothing', async () => {
    const cartId = await createCart(handle.db, 'USD');
    const otherCartId = await createCart(handle.db, 'USD');
    await addToCart(handle.db, cartId, 'enamel-camp-mug', 9);
    await expect(addToCart(handle.db, cartId, 'no-such-thing', 1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(addToCart(handle.db, cartId, 'enamel-camp-mug', 2)).rejects.toThrow(/at most 10/);
    await addToCart(handle.db, cartId, 'monthly-coffee-club', 1);
    await expect(addToCart(handle.db, cartId, 'monthly-coffee-club', 1)).rejects.toBeInstanceOf(ValidationError);
    const cart = await loadCart(handle.db, cartId, 'USD');
    const mugLine = cart.lines.find((line) => line.product.slug === 'enamel-camp-mug');
    await expect(setLineQuantity(handle.db, otherCartId, mugLine!.id, 1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeLine(handle.db, otherCartId, mugLine!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setLineQuantity(handle.db, cartId, mugLine!.id, 11)).rejects.toBeInstanceOf(ValidationError);
    const after = await loadCart(handle.db, cartId, 'USD');
    expect(after.lines.map((line) => line.quantity)).toEqual([9, 1]);
  });

  it('keeps concurrent adds within the limit', async () => {
    const cartId = await createCart(handle.db, 'USD');
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => addToCart(handle.db, cartId, 'enamel-camp-mug', 3)));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    expect((await loadCart(handle.db, cartId, 'USD')).itemCount).toBe(9);
  });
});
