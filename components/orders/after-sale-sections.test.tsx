import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { money } from '@/lib/money';
import { AfterSaleSections } from './after-sale-sections';

const AT = new Date('2026-05-02T10:00:00Z');

describe('the order page after the sale', () => {
  it('shows the delivery method, each parcel with its carrier, and refunds with their amounts', () => {
    const html = renderToStaticMarkup(
      <AfterSaleSections
        shippingMethod="express"
        ships
        afterSale={{
          tracking: [{ carrierCode: 'UPS', trackingNumber: '1Z999AA10123456784', addedAt: AT }],
          refunds: [
            { refundId: 'R1', state: 'Refunded', amount: money(1000, 'USD'), requestedAt: AT },
            { refundId: 'R2', state: 'RefundInitiated', amount: money(550, 'USD'), requestedAt: AT },
          ],
        }}
      />,
    );
    expect(html).toContain('Express (1–2 business days)');
    expect(html).toMatch(/Shipped with <span[^>]*>UPS<\/span>, tracking number.*1Z999AA10123456784/);
    expect(html).toMatch(/Refunded.*\$10\.00/);
    expect(html).toMatch(/Being processed.*\$5\.50/);
  });

  it('shows no delivery for an order that does not ship, and no refunds section without refunds', () => {
    const html = renderToStaticMarkup(
      <AfterSaleSections shippingMethod={null} ships={false} afterSale={{ tracking: [], refunds: [] }} />,
    );
    expect(html).toBe('');
  });
});
