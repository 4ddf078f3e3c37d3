import { z } from 'zod';

/**
 * Every id the storefront accepts from a URL, a form or a cookie, written once. Amazon's
 * ids are opaque strings of letters, digits and dashes (e.g. S01-5105180-3221187 for a
 * charge permission, with -C000001 for a charge and -R000001 for a refund; see
 * https://developer.amazon.com/docs/amazon-pay-api-v2/charge.html); the bounds only keep
 * a hostile value out of our queries and Amazon's URLs.
 */

/** Our order numbers: the prefix and a database sequence (NW-100001, …). */
export const ORDER_NUMBER_PREFIX = 'NW-';
const ORDER_NUMBER = /^NW-\d{1,12}$/;

export const orderNumberSchema = z.string().regex(ORDER_NUMBER, 'Unknown order number.');
export const checkoutSessionIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,100}$/, 'This checkout link is not valid.');
export const chargeIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Unknown charge.');
/** Report ids are short alphanumerics (A08439021T39K6DTX4JS8; the offline sandbox's R…). */
export const reportIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Unknown report.');
export const reportScheduleIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Invalid schedule id.');
/** Our carts are database UUIDs: the main cart in its cookie, a "buy now" cart in its checkout's return URL. */
export const cartIdSchema = z.uuid();
export const productSlugSchema = z.string().regex(/^[a-z0-9-]{1,80}$/, 'That product is no longer available.');

export function isOrderNumber(value: string): boolean {
  return ORDER_NUMBER.test(value);
}
