'use client';

import { refreshOrderFromAmazonAction } from '@/components/admin/order-actions';
import { Alert } from '@/components/ui/alert';
import { AmazonTerm } from '@/components/ui/amazon-term';
import { buttonClass } from '@/components/ui/button-styles';
import { formatUtcSecond } from '@/components/ui/format-time';
import { DataTable, rightAligned, type Column } from '@/components/ui/table';
import type { AdminOrderView } from '@/lib/orders/admin/order-view-types';
import { ChargeActions } from './charge-actions';
import { formatMinor } from './format';
import { OperationForm } from './operation-form';
import { Panel } from './panel';
import { PermissionActions } from './permission-actions';
import { StatusBadge } from './status-badge';

const CHARGE_COLUMNS: Column[] = [
  'State',
  rightAligned('Authorized'),
  rightAligned('Captured'),
  rightAligned('Refunded'),
  rightAligned('Left to refund'),
];
const REFUND_COLUMNS: Column[] = ['Refund', 'State', rightAligned('Amount')];

/** What Amazon says right now about the order's permission, charges and refunds, with the operations that state allows. */
export function LivePaymentPanel({
  view,
  refreshing,
  onRefresh,
}: {
  view: AdminOrderView;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const { live, order } = view;
  return (
    <Panel
      headingId="live-heading"
      title="Live from Amazon Pay"
      note={
        <>
          Read {formatUtcSecond(live.fetchedAt)}
          {view.settling && ' · following a pending change'}
        </>
      }
      actions={
        <>
          <button type="button" onClick={onRefresh} disabled={refreshing} className={buttonClass('secondary')}>
            {refreshing ? 'Reading…' : 'Refresh'}
          </button>
          <OperationForm action={refreshOrderFromAmazonAction} orderNumber={order.number} submitLabel="Re-sync our records" />
        </>
      }
      data-testid="live-panel"
      aria-busy={refreshing}
    >
      {!live.ok ? (
        <Alert className="mt-4">{live.message}</Alert>
      ) : (
        <div className="mt-4 space-y-6">
          {live.charges.map((charge) => (
            <div key={charge.chargeId} className="rounded-lg border border-black/10" data-testid={`charge-${charge.chargeId}`}>
              <DataTable
                columns={CHARGE_COLUMNS}
                shaded={false}
                spacing="px-4 py-1"
                caption={
                  <caption className="px-4 pt-3 text-left font-semibold">
                    Charge <span className="font-mono text-xs font-normal">{charge.chargeId}</span>
                  </caption>
                }
              >
                <tr>
                  <td className="px-4 py-1.5">
                    <StatusBadge state={charge.state} testId="charge-state" />
                    {charge.reasonCode && <AmazonTerm code={charge.reasonCode} className="ml-2 text-xs text-ink-muted" />}
                  </td>
                  <td className="px-4 py-1.5 text-right tabular-nums">{formatMinor(charge.authorized, order.currency)}</td>
                  <td className="px-4 py-1.5 text-right tabular-nums" data-testid="charge-captured">
                    {formatMinor(charge.captured, order.currency)}
                  </td>
                  <td className="px-4 py-1.5 text-right tabular-nums" data-testid="charge-refunded">
                    {formatMinor(charge.refunded, order.currency)}
                  </td>
                  <td className="px-4 py-1.5 text-right tabular-nums">{formatMinor(charge.refundable, order.currency)}</td>
                </tr>
              </DataTable>
              {charge.refunds.length > 0 && (
                <div className="mx-4 mb-2 mt-2">
                  <DataTable
                    columns={REFUND_COLUMNS}
                    shaded={false}
                    spacing="py-1"
                    caption={<caption className="text-left text-xs font-semibold text-ink-muted">Refunds</caption>}
                  >
                    {charge.refunds.map((refund) => (
                      <tr key={refund.refundId} data-testid="refund-row">
                        <td className="py-1 font-mono text-xs">{refund.refundId}</td>
                        <td className="py-1">
                          <StatusBadge state={refund.state} testId="refund-state" />
                          {refund.reasonCode && <AmazonTerm code={refund.reasonCode} className="ml-2 text-xs text-ink-muted" />}
                        </td>
                        <td className="py-1 text-right tabular-nums">{formatMinor(refund.amount, order.currency)}</td>
                      </tr>
                    ))}
                  </DataTable>
                </div>
              )}
              <div className="border-t border-black/10 p-4">
                <ChargeActions charge={charge} orderNumber={order.number} currency={order.currency} />
              </div>
            </div>
          ))}
          {live.permission ? (
            <div>
              <h3 className="text-sm font-semibold">Charge permission</h3>
              <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 text-sm md:grid-cols-4">
                <dt className="text-ink-muted">Id</dt>
                <dd className="font-mono text-xs">{live.permission.chargePermissionId}</dd>
                <dt className="text-ink-muted">State</dt>
                <dd>
                  <StatusBadge state={live.permission.state} testId="permission-state" />
                  {live.permission.reasons.map((reason) => (
                    <AmazonTerm key={reason} code={reason} className="ml-2 text-xs text-ink-muted" />
                  ))}
                </dd>
                <dt className="text-ink-muted">Type</dt>
                <dd>{live.permission.type ? <AmazonTerm code={live.permission.type} /> : '—'}</dd>
                <dt className="text-ink-muted">Balance</dt>
                <dd className="tabular-nums">
                  {live.permission.amountBalance === null
                    ? 'No limit'
                    : `${formatMinor(live.permission.amountBalance, order.currency)} of ${formatMinor(live.permission.amountLimit ?? 0, order.currency)}`}
                </dd>
              </dl>
              <div className="mt-3">
                <PermissionActions view={view} permission={live.permission} />
              </div>
            </div>
          ) : (
            <p className="text-sm text-ink-muted">No charge permission yet: the buyer has not completed the checkout.</p>
          )}
        </div>
      )}
    </Panel>
  );
}
