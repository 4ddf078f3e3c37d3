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

/**
 * webCheckoutDetails.checkoutCancelUrl: where Amazon sends a buyer who cancels on its hosted
 * page (https://developer.amazon.com/docs/amazon-pay-api-v2/checkout-session.html); without it
 * Amazon falls back to the shop's home page, with no word about what happened.
 */
export const CHECKOUT_CANCEL_PATH = '/cart?payment=BuyerCanceled';
