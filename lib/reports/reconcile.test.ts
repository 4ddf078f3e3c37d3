import { describe, expect, it } from 'vitest';
import { parseAmazonId } from './amazon-ids';
import { reconcile, type BookOrder } from './reconcile';
import { reconciliationToCsv, RECONCILIATION_CSV_COLUMNS } from './reconciliation-csv';
import type { SettlementRow } from './settlement';

let line = 6;
function row(id: string, type: string, amount: number, overrides: Partial<SettlementRow> = {}): SettlementRow {
  const fees = type === 'Capture' ? -Math.round((Math.abs(amount) * 29) / 1000) - 30 : 0;
  return {
    line: line++,
    amazonTransactionId: id,
    transactionType: type,
    sellerReferenceId: null,
    sellerOrderId: null,
    chargePermissionId: null,
    settlementId: '555',
    postedDate: null,
    currency: 'USD',
    amount,
    fees,
    percentageFee: null,
    fixedFee: null,
    net: amount + fees,
    description: null,
    extra: {},
    ...overrides,
  };
}

function order(overrides: Partial<BookOrder> & Pick<BookOrder, 'orderNumber'>): BookOrder {
  return {
    chargeId: null,
    chargePermissionId: null,
    refundIds: [],
    currency: 'USD',
    capturedAmount: 0,
    refunds: [],
    ...overrides,
  };
}

const A = 'S01-1111111-2222222';
const BOOKS: BookOrder[] = [
  // Captured 50.00, then two partial refunds.
  order({
    orderNumber: 'ORDER-A',
    chargeId: `${A}-C000001`,
    chargePermissionId: A,
    capturedAmount: 5000,
    refundIds: [`${A}-R000001`, `${A}-R000002`],
    refunds: [
      { refundId: `${A}-R000001`, amount: 1000 },
      { refundId: `${A}-R000002`, amount: 500 },
    ],
  }),
  order({ orderNumber: 'ORDER-B', chargeId: 'S01-2222222-3333333-C000001', capturedAmount: 3000 }),
  order({ orderNumber: 'ORDER-C', chargeId: 'S01-3333333-4444444-C000001', currency: 'EUR', capturedAmount: 2000 }),
  // We never stored the charge id: matched through the charge permission in SellerOrderId.
  order({ orderNumber: 'ORDER-D', chargePermissionId: 'S01-5555555-6666666', capturedAmount: 1000 }),
  // Captured but not settled yet, and a refund still pending without an amount.
  order({
    orderNumber: 'ORDER-E',
    chargeId: 'S01-7777777-8888888-C000001',
    capturedAmount: 2000,
    refundIds: ['S01-7777777-8888888-R000001'],
  }),
  order({ orderNumber: 'ORDER-F, "gift"', chargeId: 'S01-6666666-0000000-C000001', currency: 'JPY', capturedAmount: 1500 }),
  order({ orderNumber: 'ORDER-G', chargeId: 'S01-6666666-0000000-C000001', currency: 'JPY', capturedAmount: 1500 }),
];

const REPORT: SettlementRow[] = [
  row(`${A}-C000001`, 'Capture', 5000, { sellerReferenceId: 'ORDER-A', sellerOrderId: A }),
  row(`${A}-R000001`, 'Refund', -1000, { sellerReferenceId: 'ORDER-A' }),
  row(`${A}-R000002`, 'Refund', -500, { sellerReferenceId: 'ORDER-A' }),
  row(`${A}-R000001`.toLowerCase(), 'Refund', -1000, { sellerReferenceId: 'ORDER-A' }),
  row('S01-2222222-3333333-C000001', 'Capture', 2900, { sellerReferenceId: 'ORDER-B' }),
  row('S01-3333333-4444444-C000001', 'Capture', 2000, { sellerReferenceId: 'ORDER-C' }),
  row('S01-5555555-6666666-C000003', 'Capture', 1000, { sellerOrderId: 'S01-5555555-6666666' }),
  row('S01-9999999-9999999-C000001', 'Capture', 700, { sellerReferenceId: 'ORDER-X' }),
  row(`${A}-C000001`, 'Chargeback', -5000, { sellerReferenceId: 'ORDER-A' }),
  row('S01-6666666-0000000-C000001', 'Capture', 1500, { currency: 'JPY', fees: -74, net: 1426 }),
];

describe('reconcile', () => {
  const result = reconcile(REPORT, BOOKS);

  it('matches captures and partial refunds by transaction id, whatever the case', () => {
    expect(
      result.matched.map((pair) => [pair.entry.orderNumber, pair.entry.kind, pair.row.amazonTransactionId, pair.matchedBy]),
    ).toEqual([
      ['ORDER-A', 'capture', `${A}-C000001`, 'transaction-id'],
      ['ORDER-A', 'refund', `${A}-R000001`, 'transaction-id'],
      ['ORDER-A', 'refund', `${A}-R000002`, 'transaction-id'],
      ['ORDER-F, "gift"', 'capture', 'S01-6666666-0000000-C000001', 'transaction-id'],
      ['ORDER-D', 'capture', 'S01-5555555-6666666-C000003', 'order-reference'],
    ]);
    expect(result.matched.every((pair) => pair.difference === 0)).toBe(true);
  });

  it('reports amount differences and currency mismatches', () => {
    expect(result.amountDifferences).toHaveLength(1);
    expect(result.amountDifferences[0]).toMatchObject({
      status: 'amount-difference',
      difference: -100,
      entry: { orderNumber: 'ORDER-B', expectedAmount: 3000 },
    });
    expect(result.currencyMismatches).toHaveLength(1);
    expect(result.currencyMismatches[0]).toMatchObject({
      status: 'currency-mismatch',
      difference: null,
      entry: { orderNumber: 'ORDER-C', currency: 'EUR' },
      row: { currency: 'USD' },
    });
  });

  it('lists report rows missing from our books, with the order they seem to belong to', () => {
    expect(
      result.notInBooks.map((item) => [
        item.row.amazonTransactionId,
        item.row.transactionType,
        item.reason,
        item.relatedOrderNumber,
      ]),
    ).toEqual([
      ['S01-9999999-9999999-C000001', 'Capture', 'unknown-transaction', null],
      [`${A}-C000001`, 'Chargeback', 'unbooked-type', 'ORDER-A'],
    ]);
  });

  it('lists what our books expect but the report lacks, including pending refunds', () => {
    expect(result.notInReport.map((entry) => [entry.orderNumber, entry.kind, entry.transactionId, entry.expectedAmount])).toEqual(
      [
        ['ORDER-E', 'capture', 'S01-7777777-8888888-C000001', 2000],
        ['ORDER-E', 'refund', 'S01-7777777-8888888-R000001', null],
      ],
    );
  });

  it('flags duplicates in the report and in our books', () => {
    const report = result.duplicates.find((group) => group.source === 'report');
    expect(report?.key).toBe(`refund:${A}-R000001`);
    expect(report?.rows).toHaveLength(2);
    const books = result.duplicates.find((group) => group.source === 'books');
    expect(books).toMatchObject({ key: 'capture:S01-6666666-0000000-C000001', orderNumbers: ['ORDER-F, "gift"', 'ORDER-G'] });
    expect(result.balanced).toBe(false);
  });

  it('totals gross, fees and net per currency over every row', () => {
    const usd = REPORT.filter((r) => r.currency === 'USD');
    expect(result.totals).toEqual([
      { currency: 'JPY', rows: 1, gross: 1500, fees: -74, net: 1426 },
      {
        currency: 'USD',
        rows: usd.length,
        gross: usd.reduce((sum, r) => sum + r.amount, 0),
        fees: usd.reduce((sum, r) => sum + r.fees, 0),
        net: usd.reduce((sum, r) => sum + r.net, 0),
      },
    ]);
  });

  it('is balanced when everything matches', () => {
    const clean = reconcile(REPORT.slice(0, 3), BOOKS.slice(0, 1));
    expect(clean).toMatchObject({ balanced: true, notInBooks: [], notInReport: [], duplicates: [], amountDifferences: [] });
    expect(clean.matched).toHaveLength(3);
  });

  it('infers the kind from the id when there is no type column', () => {
    const untyped = reconcile([row(`${A}-R000002`, '', -500)], [BOOKS[0] as BookOrder]);
    expect(untyped.matched.map((pair) => pair.entry.kind)).toEqual(['refund']);
  });
});

describe('amazon ids', () => {
  it('splits charge permission and suffix', () => {
    expect(parseAmazonId(' s01-5105180-3221187-c056351 ')).toEqual({
      id: 'S01-5105180-3221187-C056351',
      chargePermissionId: 'S01-5105180-3221187',
      kind: 'charge',
    });
    expect(parseAmazonId('P01-2400747-7777779-C084595').chargePermissionId).toBe('P01-2400747-7777779');
    expect(parseAmazonId('S01-5105180-3221187-R022311').kind).toBe('refund');
    expect(parseAmazonId('S01-5105180-3221187').kind).toBe('charge-permission');
    expect(parseAmazonId('whatever')).toEqual({ id: 'WHATEVER', chargePermissionId: null, kind: 'other' });
  });
});

describe('reconciliationToCsv', () => {
  it('writes problems first, then matches and totals, escaped and currency-aware', () => {
    const csv = reconciliationToCsv(reconcile(REPORT, BOOKS));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(RECONCILIATION_CSV_COLUMNS.join(','));
    const statuses = lines.slice(1).map((l) => l.split(',')[0]);
    expect(statuses.indexOf('amount-difference')).toBeLessThan(statuses.indexOf('matched'));
    expect(statuses.filter((s) => s === 'total')).toHaveLength(2);
    expect(lines).toContain(
      'amount-difference,S01-2222222-3333333-C000001,Capture,ORDER-B,ORDER-B,,USD,29.00,30.00,-1.00,-1.14,27.86,transaction-id,10,',
    );
    expect(lines).toContain(
      'currency-mismatch,S01-3333333-4444444-C000001,Capture,ORDER-C,ORDER-C,,USD,20.00,20.00,,-0.88,19.12,transaction-id,11,books are in EUR',
    );
    expect(lines).toContain('not-in-report,S01-7777777-8888888-R000001,Refund,ORDER-E,,,USD,,,,,,,,');
    expect(lines).toContain(
      'matched,S01-6666666-0000000-C000001,Capture,"ORDER-F, ""gift""",,,JPY,1500,1500,0,-74,1426,transaction-id,15,',
    );
    expect(lines).toContain(
      'duplicate,S01-6666666-0000000-C000001,,"ORDER-F, ""gift"" ORDER-G",,,,,,,,,,,id claimed by several orders in our books',
    );
    expect(lines).toContain('total,,,,,,JPY,1500,,,-74,1426,,,1 rows');
    expect(csv.match(/^duplicate,s01-1111111-2222222-r000001,Refund/im)).not.toBeNull();
  });
});
