import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { money } from '@/lib/money';
import { UNFULFILLED } from '@/lib/orders/shopper/after-sale';
import { AfterSaleSections } from './after-sale-sections';

const AT = new Date('2026-05-02T10:00:00Z');

describe('the order page after the sale', () => {
  it('shows the delivery method, each parcel with its carrier, and refunds with their amounts', () => {
    const html = renderToStaticMarkup(
      <AfterSaleSections
        shippingMethod="express"
        ships
        afterSale={{
          fulfilment: {
            status: 'shipped',
            carrierCode: 'DHL',
            trackingNumber: 'JD014600006281230704',
            shippedAt: AT,
            deliveredAt: null,
          },
          tracking: [
            { carrierCode: 'UPS', trackingNumber: '1Z999AA10123456784', addedAt: AT },
            { carrierCode: 'DHL', trackingNumber: 'JD014600006281230704', addedAt: AT },
          ],
          refunds: [
            { refundId: 'R1', state: 'Refunded', amount: money(1000, 'USD'), requestedAt: AT },
            { refundId: 'R2', state: 'RefundInitiated', amount: money(550, 'USD'), requestedAt: AT },
          ],
        }}
      />,
    );
    expect(html).toContain('Express (1–2 business days)');
    // The status first, with the latest parcel; then every parcel, as there were two.
    expect(html).toMatch(
      /data-status="shipped".*Shipped<\/span> with <span[^>]*>DHL<\/span>, tracking number.*JD014600006281230704/,
    );
    expect(html).toMatch(/Shipped with <span[^>]*>UPS<\/span>, tracking number.*1Z999AA10123456784/);
    expect(html).toMatch(/Refunded.*\$10\.00/);
    expect(html).toMatch(/Being processed.*\$5\.50/);
  });

  it('shows no delivery for an order that does not ship, and no refunds section without refunds', () => {
    const html = renderToStaticMarkup(
      <AfterSaleSections
        shippingMethod={null}
        ships={false}
        afterSale={{ fulfilment: UNFULFILLED, tracking: [], refunds: [] }}
      />,
    );
    expect(html).toBe('');
  });

  it('says a delivered order is delivered, with its parcel, and an unshipped one that tracking comes later', () => {
    const delivered = renderToStaticMarkup(
      <AfterSaleSections
        shippingMethod="standard"
        ships
        afterSale={{
          fulfilment: { status: 'delivered', carrierCode: 'UPS', trackingNumber: '1Z9', shippedAt: AT, deliveredAt: AT },
          tracking: [{ carrierCode: 'UPS', trackingNumber: '1Z9', addedAt: AT }],
          refunds: [],
        }}
      />,
    );
    expect(delivered).toMatch(/Delivered<\/span> with <span[^>]*>UPS<\/span>, tracking number.*1Z9/);
    expect(delivered).not.toContain('data-testid="order-tracking"');
    const waiting = renderToStaticMarkup(
      <AfterSaleSections shippingMethod="standard" ships afterSale={{ fulfilment: UNFULFILLED, tracking: [], refunds: [] }} />,
    );
    expect(waiting).toContain('Not shipped yet');
    expect(waiting).toContain('A tracking number appears here once your parcel ships.');
  });
});
