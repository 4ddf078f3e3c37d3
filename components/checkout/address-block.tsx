import type { ShippingAddress } from '@/lib/checkout/types';
import { countryName } from '@/lib/checkout/countries';

export function AddressBlock({ address }: { address: ShippingAddress }) {
  return (
    <address className="not-italic leading-relaxed text-ink" data-testid="shipping-address">
      {address.name}
      <br />
      {address.lines.map((line) => (
        <span key={line}>
          {line}
          <br />
        </span>
      ))}
      {[address.city, address.stateOrRegion, address.postalCode].filter(Boolean).join(', ')}
      <br />
      {countryName(address.countryCode)}
    </address>
  );
}
