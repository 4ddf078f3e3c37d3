import { z } from 'zod';

/**
 * Wire shapes of the shop reports API (https://doc.ecomcharge.com/en/payment_management/reports/reports_shop/,
 * https://doc.ecomcharge.com/en/payment_management/reports/paginated_report/). Objects are
 * loose and states are open strings: the fields differ by transaction type and
 * payment method. Only what we keep is declared; the rest (BIN, token, holder,
 * 3-D Secure data…) is never read.
 */
const nullableString = z.string().nullish();
const nullableNumber = z.number().nullish();
const idLike = z.union([z.number(), z.string()]);

const cardSchema = z
  .looseObject({
    brand: nullableString,
    last_4: z.union([z.string(), z.number()]).nullish(),
  })
  .nullish();

export const rawTransactionSchema = z.looseObject({
  id: z.number().int(),
  uid: nullableString,
  type: nullableString,
  status: nullableString,
  message: nullableString,
  amount: z.number().int(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  transaction_fee: nullableNumber,
  pay_to_merchant: nullableNumber,
  description: nullableString,
  tracking_id: nullableString,
  order_id: idLike.nullish(),
  payment_method_type: nullableString,
  test: z.boolean().nullish(),
  created_at: nullableString,
  paid_at: nullableString,
  settled_at: nullableString,
  manually_corrected_at: nullableString,
  credit_card: cardSchema,
  recipient_card: cardSchema,
});
export type RawTransaction = z.infer<typeof rawTransactionSchema>;

/** A day report: `{ transactions: [...], count }`. */
export const dayReportSchema = z.looseObject({
  transactions: z.array(rawTransactionSchema),
  count: z.number().int(),
});

/** The count: `{ transactions: { count } }` — an object here, not an array. A top-level `count` is accepted too. */
export const countSchema = z.union([
  z.looseObject({ transactions: z.looseObject({ count: z.number().int() }) }).transform((body) => body.transactions.count),
  z.looseObject({ count: z.number().int() }).transform((body) => body.count),
]);

/** A page and its cursors; a `has_more` flag is not documented and not relied on. */
export const pageSchema = z.looseObject({
  transactions: z.array(rawTransactionSchema),
  first_object_id: idLike.nullish(),
  last_object_id: idLike.nullish(),
});
