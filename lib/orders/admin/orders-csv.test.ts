import { describe, expect, it } from 'vitest';
import type { orders } from '@/lib/db/schema';
import { orderCsvHeader, orderCsvLine } from './orders-csv';

describe('order CSV', () => {
  const row = {
    number: 'NW-100001',
    createdAt: new Date('2026-03-01T10:00:00Z'),
    status: 'paid',
    paymentState: 'Captured',
    fulfilment: 'digital',
    buyerName: '=cmd|calc',
    buyerEmail: 'say "hi", a@example.com',
    currency: 'JPY',
    subtotalAmount: 1500,
    shippingAmount: 0,
    taxAmount: 120,
    totalAmount: 1620,
    checkoutSessionId: 'cs-1',
    chargePermissionId: null,
  } as unknown as typeof orders.$inferSelect;

  it('writes amounts as decimals in the order currency, quotes and guards text cells', () => {
    expect(orderCsvHeader().split(',')).toHaveLength(14);
    expect(orderCsvLine(row)).toBe(
      `NW-100001,2026-03-01T10:00:00.000Z,paid,Captured,digital,'=cmd|calc,"say ""hi"", a@example.com",JPY,1500,0,120,1620,cs-1,\r\n`,
    );
  });

  it('keeps two decimals for USD and negative amounts as numbers', () => {
    const usd: typeof orders.$inferSelect = {
      ...row,
      currency: 'USD',
      subtotalAmount: 1999,
      taxAmount: -5,
      totalAmount: 1994,
      buyerName: 'Ann',
    };
    expect(orderCsvLine(usd)).toContain(',USD,19.99,0.00,-0.05,19.94,');
  });
});
