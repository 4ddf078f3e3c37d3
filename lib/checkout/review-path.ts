/**
 * The review page's address. A "buy now" checkout names its own cart there (cart), and Amazon
 * appends amazonCheckoutSessionId to the checkoutReviewReturnUrl it is given
 * (https://developer.amazon.com/docs/amazon-pay-checkout/add-the-amazon-pay-button.html).
 */
export function checkoutReviewPath(
  query: { cart?: string | undefined; amazonCheckoutSessionId?: string; shipping?: string } = {},
): string {
  const present = Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const search = new URLSearchParams(present).toString();
  return search ? `/checkout/review?${search}` : '/checkout/review';
}
