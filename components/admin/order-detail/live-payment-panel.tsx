'use client';

import { refreshOrderFromAmazonAction } from '@/components/admin/order-actions';
import type { AdminOrderView } from '@/lib/orders/admin/order-view-types';
import { ChargeActions } from './charge-actions';
import { formatMinor, formatWhen } from './format';
import { OperationForm } from './operation-form';
import { PermissionActions } from './permission-actions';
import { StatusBadge } from './status-badge';

const card = 'rounded-xl bg-white p-5 shadow-sm ring-1 ring-black/5';

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
    <section aria-labelledby="live-heading" className={card} data-testid="live-panel" aria-busy={refreshing}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="live-heading" className="text-base font-semibold text-ink">
            Live from Amazon Pay
          </h2>
          <p className="text-xs text-ink-muted">
            Read {formatWhen(live.fetchedAt)}
            {view.settling && ' · following a pending change'}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <button
            type="button"
            onClick={onRefresh}
            disabled={refreshing}
            className="rounded-lg px-3 py-1.5 text-sm ring-1 ring-black/15 hover:bg-slate-50 disabled:opacity-60"
          >
            {refreshing ? 'Reading…' : 'Refresh'}
          </button>
          <OperationForm action={refreshOrderFromAmazonAction} orderNumber={order.number} submitLabel="Re-sync our records" />
        </div>
      </div>
      {!live.ok ? (
        <p role="alert" className="mt-4 rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {live.message}
        </p>
      ) : (
        <div className="mt-4 space-y-6">
          {live.charges.map((charge) => (
            <div key={charge.chargeId} className="rounded-lg border border-black/10" data-testid={`charge-${charge.chargeId}`}>
              <table className="w-full text-left text-sm">
                <caption className="px-4 pt-3 text-left font-semibold">
                  Charge <span className="font-mono text-xs font-normal">{charge.chargeId}</span>
                </caption>
                <thead className="text-ink-muted">
                  <tr>
                    <th scope="col" className="px-4 py-1 font-medium">
                      State
                    </th>
                    <th scope="col" className="px-4 py-1 text-right font-medium">
                      Authorized
                    </th>
                    <th scope="col" className="px-4 py-1 text-right font-medium">
                      Captured
                    </th>
                    <th scope="col" className="px-4 py-1 text-right font-medium">
                      Refunded
                    </th>
                    <th scope="col" className="px-4 py-1 text-right font-medium">
                      Left to refund
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <td className="px-4 py-1.5">
                      <StatusBadge state={charge.state} testId="charge-state" />
                      {charge.reasonCode && <span className="ml-2 text-xs text-ink-muted">{charge.reasonCode}</span>}
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
                </tbody>
              </table>
              {charge.refunds.length > 0 && (
                <table className="mx-4 mb-2 mt-2 w-[calc(100%-2rem)] text-left text-sm">
                  <caption className="text-left text-xs font-semibold text-ink-muted">Refunds</caption>
                  <thead className="text-ink-muted">
                    <tr>
                      <th scope="col" className="py-1 font-medium">
                        Refund
                      </th>
                      <th scope="col" className="py-1 font-medium">
                        State
                      </th>
                      <th scope="col" className="py-1 text-right font-medium">
                        Amount
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-black/5">
                    {charge.refunds.map((refund) => (
                      <tr key={refund.refundId} data-testid="refund-row">
                        <td className="py-1 font-mono text-xs">{refund.refundId}</td>
                        <td className="py-1">
                          <StatusBadge state={refund.state} testId="refund-state" />
                          {refund.reasonCode && <span className="ml-2 text-xs text-ink-muted">{refund.reasonCode}</span>}
                        </td>
                        <td className="py-1 text-right tabular-nums">{formatMinor(refund.amount, order.currency)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
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
                  {live.permission.reasons.length > 0 && (
                    <span className="ml-2 text-xs text-ink-muted">{live.permission.reasons.join(', ')}</span>
                  )}
                </dd>
                <dt className="text-ink-muted">Type</dt>
                <dd>{live.permission.type ?? '—'}</dd>
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
    </section>
  );
}
