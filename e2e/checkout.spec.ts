import { expect, test } from '@playwright/test';
import { addToCart, checkOutWithAmazon, placeOrder } from './support/shop';

test('physical goods: pay with Amazon Pay, review, place the order and see the confirmation', async ({ page }) => {
  await addToCart(page, 'enamel-camp-mug', 2);
  await checkOutWithAmazon(page, { buyer: 'jane', address: 0, card: '1111' });

  await expect(page.getByTestId('buyer-name')).toHaveText('Jane Doe');
  await expect(page.getByTestId('shipping-address')).toContainText('United States');
  await expect(page.getByTestId('payment-descriptor')).toContainText('1111');
  // $44.00 + $5.95 shipping, then 7.25% US tax on both: $3.62.
  await expect(page.getByTestId('review-total')).toHaveText('$53.57');

  await placeOrder(page);
  await expect(page).toHaveURL(/\/orders\/NW-\d+$/);
  await expect(page.getByTestId('order-status')).toHaveText('Payment authorized');
  await expect(page.getByTestId('order-total')).toHaveText('$53.57');
  await expect(page.getByTestId('cart-count')).toHaveText('0');
});
