import { DataTable, rightAligned, type Column } from '@/components/ui/table';
import type { AdminOrderView } from '@/lib/orders/admin/order-view-types';
import { formatMinor } from './format';
import { Panel } from './panel';

// Room between the columns, so "Unit" and "Qty" read apart even when a phone squeezes the table; the outer
// cells stay flush with the panel's edges.
const HEAD_CELL = 'px-2 py-1 first:pl-0 last:pr-0';
const CELL = 'px-2 py-1.5 first:pl-0 last:pr-0';
const FOOT_CELL = 'px-2 py-1 last:pr-0';

const ITEM_COLUMNS: Column[] = ['Product', 'Kind', rightAligned('Unit'), rightAligned('Qty'), rightAligned('Total')];

export function OrderItems({ view }: { view: AdminOrderView }) {
  const { order, lines } = view;
  const totals: Array<[string, number]> = [
    ['Subtotal', order.subtotal],
    ['Shipping', order.shipping],
    ['Tax', order.tax],
  ];
  return (
    <Panel headingId="items-heading" title="Items">
      <DataTable
        columns={ITEM_COLUMNS}
        shaded={false}
        spacing={HEAD_CELL}
        className="mt-3"
        footer={
          <tfoot className="border-t border-black/10">
            {totals.map(([label, amount]) => (
              <tr key={label}>
                <th scope="row" colSpan={4} className={`${FOOT_CELL} text-right font-normal text-ink-muted`}>
                  {label}
                </th>
                <td className={`${FOOT_CELL} text-right tabular-nums`}>{formatMinor(amount, order.currency)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" colSpan={4} className={`${FOOT_CELL} text-right font-semibold`}>
                Total
              </th>
              <td className={`${FOOT_CELL} text-right font-semibold tabular-nums`} data-testid="order-total">
                {formatMinor(order.total, order.currency)}
              </td>
            </tr>
          </tfoot>
        }
      >
        {lines.map((line) => (
          <tr key={`${line.name}-${line.kind}`}>
            <td className={CELL}>{line.name}</td>
            <td className={`${CELL} capitalize text-ink-muted`}>{line.kind}</td>
            <td className={`${CELL} text-right tabular-nums`}>{formatMinor(line.unitPrice, order.currency)}</td>
            <td className={`${CELL} text-right tabular-nums`}>{line.quantity}</td>
            <td className={`${CELL} text-right tabular-nums`}>{formatMinor(line.lineTotal, order.currency)}</td>
          </tr>
        ))}
      </DataTable>
    </Panel>
  );
}

export function BuyerAndShipping({ view }: { view: AdminOrderView }) {
  const { order } = view;
  const address = order.shippingAddress;
  return (
    <Panel headingId="buyer-heading" title="Buyer">
      <dl className="mt-3 space-y-2 text-sm">
        <div>
          <dt className="text-ink-muted">Name</dt>
          <dd data-testid="buyer-name">{order.buyerName ?? '—'}</dd>
        </div>
        <div>
          <dt className="text-ink-muted">Email</dt>
          <dd>{order.buyerEmail ?? '—'}</dd>
        </div>
        <div>
          <dt className="text-ink-muted">Pays with</dt>
          <dd>{order.paymentDescriptor ?? '—'}</dd>
        </div>
        <div>
          <dt className="text-ink-muted">Ships to</dt>
          <dd>
            {address ? (
              <address className="not-italic">
                {[
                  address.name,
                  ...address.lines,
                  `${address.postalCode} ${address.city} ${address.stateOrRegion}`.trim(),
                  address.countryCode,
                ]
                  .filter(Boolean)
                  .map((line) => (
                    <span key={line} className="block">
                      {line}
                    </span>
                  ))}
              </address>
            ) : (
              'Nothing to ship'
            )}
          </dd>
        </div>
        {order.shippingMethod && (
          <div>
            <dt className="text-ink-muted">Shipping method</dt>
            <dd className="capitalize">{order.shippingMethod}</dd>
          </div>
        )}
      </dl>
    </Panel>
  );
}
