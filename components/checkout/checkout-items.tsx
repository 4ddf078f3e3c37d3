import type { CartLine } from '@/lib/cart';
import { Price } from '@/components/ui/price';

/** The cart's lines as a checkout page lists them beside its totals: name × quantity, then the line's price. */
export function CheckoutItems({ lines }: { lines: readonly CartLine[] }) {
  return (
    <ul className="flex flex-col gap-2 text-sm">
      {lines.map((line) => (
        <li key={line.id} className="flex justify-between gap-4">
          <span>
            {line.product.name} × {line.quantity}
          </span>
          <Price value={line.lineTotal} />
        </li>
      ))}
    </ul>
  );
}
