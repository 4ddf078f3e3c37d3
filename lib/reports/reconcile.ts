import type { CurrencyCode } from '@/lib/money';
import { normalizeAmazonId, parseAmazonId } from './amazon-ids';
import type { SettlementRow } from './settlement';

/**
 * Matches Amazon's settlement rows against our books. Transaction ids are
 * authoritative: a capture row carries the charge id, a refund row the refund id
 * (sandbox/README.md "Reports", https://developer.amazon.com/docs/amazon-pay-reports/settlement-reports.html). Seller
 * ids (our order number in
 * SellerReferenceId / SellerOrderId, or the charge permission in SellerOrderId as
 * the sandbox writes it) only fill in for an order whose charge id we never
 * stored, and otherwise say which order an unknown row belongs to.
 *
 * Pass the orders whose captures and refunds fall in the settlement period:
 * everything passed in is expected in the report.
 */
export interface BookRefund {
  readonly refundId: string;
  /** Positive minor units. */
  readonly amount: number;
}

export interface BookOrder {
  readonly orderNumber: string;
  readonly chargeId: string | null;
  readonly chargePermissionId: string | null;
  /** Every refund id we hold, including ones still pending (their amount may be unknown). */
  readonly refundIds: readonly string[];
  readonly currency: CurrencyCode;
  /** Positive minor units; 0 when nothing was captured. */
  readonly capturedAmount: number;
  readonly refunds: readonly BookRefund[];
}

export type BookEntryKind = 'capture' | 'refund';

/** One money movement our books expect to see in the report. */
export interface BookEntry {
  readonly orderNumber: string;
  readonly kind: BookEntryKind;
  /** The charge or refund id; null for a capture whose charge id we never stored. */
  readonly transactionId: string | null;
  readonly currency: CurrencyCode;
  /** Positive minor units; null for a refund id we hold without an amount. */
  readonly expectedAmount: number | null;
}

export type MatchStatus = 'matched' | 'amount-difference' | 'currency-mismatch';

export interface ReconciledPair {
  readonly status: MatchStatus;
  readonly row: SettlementRow;
  readonly entry: BookEntry;
  readonly matchedBy: 'transaction-id' | 'order-reference';
  /**
   * Report amount minus books amount, both as positive sizes: refunds are negative
   * in the file and positive in our books. Null when not comparable (currency
   * mismatch, or no amount in our books).
   */
  readonly difference: number | null;
}

export interface UnbookedRow {
  readonly row: SettlementRow;
  /** `unknown-transaction`: a capture/refund we have no record of; `unbooked-type`: a chargeback, adjustment… our books do not model. */
  readonly reason: 'unknown-transaction' | 'unbooked-type';
  /** The order the row seems to belong to (by seller ids or the charge permission in the id), if any. */
  readonly relatedOrderNumber: string | null;
}

export interface DuplicateGroup {
  readonly source: 'report' | 'books';
  /** The transaction id (and kind) that repeats. */
  readonly key: string;
  /** Report duplicates: every row with the key; the first one was matched, the others were not. */
  readonly rows: readonly SettlementRow[];
  /** Books duplicates: the orders that claim the same id. */
  readonly orderNumbers: readonly string[];
}

export interface CurrencyTotals {
  readonly currency: CurrencyCode;
  readonly rows: number;
  /** Signed sums of the file's columns, in minor units. */
  readonly gross: number;
  readonly fees: number;
  readonly net: number;
}

export interface ReconciliationResult {
  readonly matched: readonly ReconciledPair[];
  readonly amountDifferences: readonly ReconciledPair[];
  readonly currencyMismatches: readonly ReconciledPair[];
  /** In the report, not in our books. */
  readonly notInBooks: readonly UnbookedRow[];
  /** In our books, not in the report. */
  readonly notInReport: readonly BookEntry[];
  readonly duplicates: readonly DuplicateGroup[];
  /** Every row of the report, duplicates included: what Amazon actually moved. */
  readonly totals: readonly CurrencyTotals[];
  /** True when everything matched and nothing is left over. */
  readonly balanced: boolean;
}

function rowKind(row: SettlementRow): BookEntryKind | null {
  const type = row.transactionType.trim().toLowerCase();
  if (type === 'capture') return 'capture';
  if (type === 'refund') return 'refund';
  if (type !== '') return null;
  // No type column: the id's suffix tells a charge from a refund.
  const kind = parseAmazonId(row.amazonTransactionId).kind;
  return kind === 'charge' ? 'capture' : kind === 'refund' ? 'refund' : null;
}

function bookEntries(order: BookOrder): BookEntry[] {
  const base = { orderNumber: order.orderNumber, currency: order.currency };
  const entries: BookEntry[] = [];
  if (order.chargeId !== null || order.capturedAmount > 0) {
    entries.push({
      ...base,
      kind: 'capture',
      transactionId: order.chargeId === null ? null : normalizeAmazonId(order.chargeId),
      expectedAmount: order.capturedAmount,
    });
  }
  const amounts = new Map(order.refunds.map((refund) => [normalizeAmazonId(refund.refundId), refund.amount]));
  const ids = new Set([...order.refunds.map((refund) => refund.refundId), ...order.refundIds].map(normalizeAmazonId));
  for (const id of ids) entries.push({ ...base, kind: 'refund', transactionId: id, expectedAmount: amounts.get(id) ?? null });
  return entries;
}

const entryKey = (kind: BookEntryKind, id: string) => `${kind}:${id}`;

function compare(row: SettlementRow, entry: BookEntry, matchedBy: ReconciledPair['matchedBy']): ReconciledPair {
  if (row.currency !== entry.currency) return { status: 'currency-mismatch', row, entry, matchedBy, difference: null };
  if (entry.expectedAmount === null) return { status: 'matched', row, entry, matchedBy, difference: null };
  const difference = Math.abs(row.amount) - entry.expectedAmount;
  return { status: difference === 0 ? 'matched' : 'amount-difference', row, entry, matchedBy, difference };
}

export function reconcile(rows: readonly SettlementRow[], orders: readonly BookOrder[]): ReconciliationResult {
  const duplicates: DuplicateGroup[] = [];

  // Our side: one expectation per (kind, id); an id claimed twice is a books duplicate.
  const entries: BookEntry[] = [];
  const byId = new Map<string, BookEntry>();
  const claimedBy = new Map<string, string[]>();
  for (const order of orders) {
    for (const entry of bookEntries(order)) {
      if (entry.transactionId !== null) {
        const key = entryKey(entry.kind, entry.transactionId);
        const owners = claimedBy.get(key) ?? [];
        owners.push(order.orderNumber);
        claimedBy.set(key, owners);
        if (byId.has(key)) continue;
        byId.set(key, entry);
      }
      entries.push(entry);
    }
  }
  for (const [key, owners] of claimedBy)
    if (owners.length > 1) duplicates.push({ source: 'books', key, rows: [], orderNumbers: owners });

  const orderByRef = new Map<string, BookOrder>();
  for (const order of orders) {
    orderByRef.set(`order:${order.orderNumber.trim()}`, order);
    if (order.chargePermissionId) orderByRef.set(`permission:${normalizeAmazonId(order.chargePermissionId)}`, order);
  }
  const relatedOrder = (row: SettlementRow): BookOrder | undefined => {
    const refs = [row.sellerReferenceId, row.sellerOrderId].filter((ref): ref is string => ref !== null);
    for (const ref of refs) {
      const order = orderByRef.get(`order:${ref.trim()}`) ?? orderByRef.get(`permission:${normalizeAmazonId(ref)}`);
      if (order) return order;
    }
    const permission = row.chargePermissionId ?? parseAmazonId(row.amazonTransactionId).chargePermissionId;
    return permission ? orderByRef.get(`permission:${normalizeAmazonId(permission)}`) : undefined;
  };

  // The report's side: the first row per (kind, id) is matched; repeats are duplicates.
  const firstRows: SettlementRow[] = [];
  const rowsByKey = new Map<string, SettlementRow[]>();
  for (const row of rows) {
    const key = `${rowKind(row) ?? row.transactionType.trim().toLowerCase()}:${normalizeAmazonId(row.amazonTransactionId)}`;
    const group = rowsByKey.get(key);
    if (group) group.push(row);
    else {
      rowsByKey.set(key, [row]);
      firstRows.push(row);
    }
  }
  for (const [key, group] of rowsByKey)
    if (group.length > 1) duplicates.push({ source: 'report', key, rows: group, orderNumbers: [] });

  const pairs: ReconciledPair[] = [];
  const used = new Set<BookEntry>();
  const pending: SettlementRow[] = [];
  for (const row of firstRows) {
    const kind = rowKind(row);
    const entry = kind === null ? undefined : byId.get(entryKey(kind, normalizeAmazonId(row.amazonTransactionId)));
    if (entry && !used.has(entry)) {
      used.add(entry);
      pairs.push(compare(row, entry, 'transaction-id'));
    } else pending.push(row);
  }

  const notInBooks: UnbookedRow[] = [];
  for (const row of pending) {
    const kind = rowKind(row);
    const order = relatedOrder(row);
    // Only a capture whose charge id we never stored may be matched by order reference.
    const entry =
      kind === 'capture' && order
        ? entries.find(
            (e) => e.orderNumber === order.orderNumber && e.kind === 'capture' && e.transactionId === null && !used.has(e),
          )
        : undefined;
    if (entry) {
      used.add(entry);
      pairs.push(compare(row, entry, 'order-reference'));
    } else {
      notInBooks.push({
        row,
        reason: kind === null ? 'unbooked-type' : 'unknown-transaction',
        relatedOrderNumber: order?.orderNumber ?? null,
      });
    }
  }

  const notInReport = entries.filter((entry) => !used.has(entry));
  const matched = pairs.filter((pair) => pair.status === 'matched');
  const amountDifferences = pairs.filter((pair) => pair.status === 'amount-difference');
  const currencyMismatches = pairs.filter((pair) => pair.status === 'currency-mismatch');
  return {
    matched,
    amountDifferences,
    currencyMismatches,
    notInBooks,
    notInReport,
    duplicates,
    totals: totalsByCurrency(rows),
    balanced:
      amountDifferences.length + currencyMismatches.length + notInBooks.length + notInReport.length + duplicates.length === 0,
  };
}

export function totalsByCurrency(rows: readonly SettlementRow[]): CurrencyTotals[] {
  const totals = new Map<CurrencyCode, { rows: number; gross: number; fees: number; net: number }>();
  for (const row of rows) {
    const sum = totals.get(row.currency) ?? { rows: 0, gross: 0, fees: 0, net: 0 };
    sum.rows++;
    sum.gross += row.amount;
    sum.fees += row.fees;
    sum.net += row.net;
    totals.set(row.currency, sum);
  }
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, sum]) => ({ currency, ...sum }));
}
