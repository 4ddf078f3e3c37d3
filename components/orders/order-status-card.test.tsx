import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { orderProgress, type OrderProgressFacts } from '@/lib/orders/shopper/progress';
import { OrderStatusCard } from './order-status-card';

// Rendered outside Next's app router: the confirming state's self-refresh only needs a router to exist.
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => undefined }) }));

const REQUESTED = new Date('2026-05-01T10:00:00Z');

function card(facts: Partial<OrderProgressFacts>): string {
  const order: OrderProgressFacts = {
    status: 'pending',
    placedAt: null,
    completionRequestedAt: REQUESTED,
    chargePermissionId: 'S01-1',
    lastReasonCode: null,
    ...facts,
  };
  return renderToStaticMarkup(
    <OrderStatusCard number="NW-100001" status={order.status} progress={orderProgress(order)} buyerEmail="jane@example.com" />,
  );
}

describe('the order page status card', () => {
  it('says plainly that a pending-then-declined payment was declined, with no thanks', () => {
    const html = card({ status: 'declined', lastReasonCode: 'HardDeclined' });
    expect(html).not.toMatch(/thank you/i);
    expect(html).toContain('Payment declined');
    expect(html).toContain('Your payment method was declined.');
    expect(html).toContain('Pay again');
    expect(html).not.toContain('A confirmation goes to');
  });

  it('thanks the shopper once the money is held', () => {
    for (const status of ['authorized', 'paid', 'partially_refunded'] as const) {
      expect(card({ status, placedAt: REQUESTED }), status).toMatch(/Thank you!/);
    }
  });

  it('is confirming while Amazon settles the authorization, or awaiting payment if the shopper never came back', () => {
    const confirming = card({ status: 'payment_processing' });
    expect(confirming).toContain('We&#x27;re confirming your payment with Amazon Pay');
    expect(confirming).toContain('Check again');
    expect(confirming).not.toMatch(/thank you/i);
    const awaiting = card({ completionRequestedAt: null, chargePermissionId: null });
    expect(awaiting).toContain('Awaiting payment');
    expect(awaiting).not.toMatch(/thank you|Check again/i);
  });
});
