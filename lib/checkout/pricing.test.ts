import { describe, expect, it } from 'vitest';
import { money } from '@/lib/money';
import {
  applyRate,
  computeTotals,
  estimateShipping,
  freeShippingHint,
  renewalTotals,
  shippingOptions,
  type PricedLine,
} from './pricing';

const mug: PricedLine = { kind: 'physical', unitPrice: money(2200, 'USD'), quantity: 1 };
const ebook: PricedLine = { kind: 'digital', unitPrice: money(1200, 'USD'), quantity: 1 };
const throwBlanket: PricedLine = { kind: 'physical', unitPrice: money(12000, 'USD'), quantity: 1 };
const coffeeClub: PricedLine = { kind: 'subscription', unitPrice: money(2400, 'USD'), quantity: 1 };

describe('shipping rules', () => {
  it('never ships a digital-only cart', () => {
    expect(shippingOptions([ebook], 'USD')).toEqual([]);
    expect(estimateShipping([ebook], 'USD')).toEqual(money(0, 'USD'));
  });

  it('charges the flat standard rate below the threshold and nothing above it', () => {
    expect(estimateShipping([mug, ebook], 'USD')).toEqual(money(595, 'USD'));
    expect(estimateShipping([throwBlanket], 'USD')).toEqual(money(0, 'USD'));
  });

  it('does not count digital goods towards free shipping', () => {
    const manyEbooks = { ...ebook, quantity: 10 };
    expect(estimateShipping([mug, manyEbooks], 'USD')).toEqual(money(595, 'USD'));
  });

  it('adds the international surcharge outside the home country', () => {
    const [standard, express] = shippingOptions([mug], 'USD', 'GB');
    expect(standard?.price).toEqual(money(595 + 1200, 'USD'));
    expect(express?.price).toEqual(money(1495 + 1200, 'USD'));
  });

  it('uses yen amounts for JPY stores', () => {
    expect(estimateShipping([{ kind: 'physical', unitPrice: money(3000, 'JPY'), quantity: 1 }], 'JPY')).toEqual(
      money(800, 'JPY'),
    );
  });
});

describe('tax', () => {
  it('rounds half up in minor units', () => {
    expect(applyRate(money(1000, 'USD'), 725)).toEqual(money(73, 'USD')); // 72.5 → 73
    expect(applyRate(money(999, 'USD'), 725)).toEqual(money(72, 'USD')); // 72.43 → 72
  });

  it('taxes goods and shipping at the destination rate and adds up', () => {
    const totals = computeTotals([mug, ebook], 'USD', { countryCode: 'US', method: 'express' });
    expect(totals.subtotal).toEqual(money(3400, 'USD'));
    expect(totals.shipping).toEqual(money(1495, 'USD'));
    expect(totals.tax).toEqual(money(355, 'USD')); // 7.25% of 48.95 = 3.549
    expect(totals.total).toEqual(money(3400 + 1495 + 355, 'USD'));
  });

  it('does not tax countries without a rate', () => {
    expect(computeTotals([mug], 'USD', { countryCode: 'AU' }).tax).toEqual(money(0, 'USD'));
  });
});

describe('renewals', () => {
  it('price the subscription lines alone with the shipping and tax the checkout charged for them', () => {
    const alone = computeTotals([coffeeClub], 'USD', { countryCode: 'CA', method: 'express' });
    expect(renewalTotals([coffeeClub], 'USD', { countryCode: 'CA', method: 'express' })).toEqual(alone);
    // 24.00 + express 14.95 + the 12.00 surcharge outside the US, then 5% Canadian tax on 50.95 = 2.5475.
    expect(alone.total).toEqual(money(2400 + 1495 + 1200 + 255, 'USD'));
  });

  it('leave out the goods bought once, and the free shipping they earned at checkout', () => {
    const checkout = computeTotals([coffeeClub, throwBlanket], 'USD', { countryCode: 'US' });
    expect(checkout.shipping).toEqual(money(0, 'USD'));
    const renewal = renewalTotals([coffeeClub, throwBlanket, ebook], 'USD', { countryCode: 'US' });
    expect(renewal?.subtotal).toEqual(money(2400, 'USD'));
    expect(renewal?.shipping).toEqual(money(595, 'USD'));
    expect(renewal?.tax).toEqual(money(217, 'USD')); // 7.25% of 29.95 = 2.171
    expect(renewal?.total).toEqual(money(2400 + 595 + 217, 'USD'));
  });

  it('are null for an order with nothing that renews', () => {
    expect(renewalTotals([mug, ebook], 'USD', { countryCode: 'US' })).toBeNull();
  });
});

describe('the free-shipping hint', () => {
  it('says how much more of goods that ship reaches the threshold; e-books do not count', () => {
    expect(freeShippingHint([mug, ebook], 'USD')).toEqual({
      threshold: money(7500, 'USD'),
      remaining: money(7500 - 2200, 'USD'),
    });
  });

  it('needs nothing more once the threshold is reached, and agrees with the shipping price', () => {
    expect(freeShippingHint([throwBlanket], 'USD')?.remaining).toEqual(money(0, 'USD'));
    expect(estimateShipping([throwBlanket], 'USD')).toEqual(money(0, 'USD'));
    const justBelow: PricedLine = { kind: 'physical', unitPrice: money(7499, 'USD'), quantity: 1 };
    expect(freeShippingHint([justBelow], 'USD')?.remaining).toEqual(money(1, 'USD'));
    expect(estimateShipping([justBelow], 'USD')).toEqual(money(595, 'USD'));
  });

  it('is absent when nothing ships', () => {
    expect(freeShippingHint([ebook], 'USD')).toBeNull();
  });
});
