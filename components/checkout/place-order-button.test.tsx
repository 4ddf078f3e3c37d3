import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { PlaceOrderButton } from './place-order-button';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => {} }) }));
vi.mock('./actions', () => ({ placeOrderAction: async () => ({ ok: false, message: 'not called' }) }));

describe('the Place order button', () => {
  it('arrives disabled in the server HTML, so no click lands before hydration attaches its handler', () => {
    const html = renderToStaticMarkup(
      <PlaceOrderButton
        checkoutSessionId="session"
        shippingMethod="standard"
        snapshot="token"
        disabled={false}
        totalLabel="$9.00"
      />,
    );
    expect(html).toMatch(/<button type="button" class="[^"]*" disabled="">Place order · \$9\.00<\/button>/);
  });
});
