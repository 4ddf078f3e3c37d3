import { describe, expect, it } from 'vitest';
import { SETTLEMENT_COLUMNS, TRANSACTION_COLUMNS } from '@/sandbox';
import { parseSettlementDocument, parseSettlementRecords, parseSettlementText, SettlementFormatError } from './settlement';
import { streamOf } from '@/test/byte-sources';

const PREAMBLE = [
  'SettlementFileFormatVersion\tsandbox-1',
  'SellerId\tSANDBOXMERCHANT01',
  'SettlementStartDate\t2026-01-15T11:00:00+0000',
  'SettlementEndDate\t2026-01-15T13:00:00+0000',
  '',
];

/** Rows in the sandbox's `sandbox-1` column order (sandbox/report-format.ts). */
const SANDBOX_ROWS = [
  [
    '2026-01-15T12:00:00+0000',
    '555',
    'S01-1111111-2222222-C000001',
    'ORDER-1',
    'Capture',
    'S01-1111111-2222222',
    '50.00',
    '-1.45',
    '-0.30',
    '-1.75',
    '48.25',
    'USD',
    'Capture S01-1111111-2222222-C000001',
  ],
  [
    '2026-01-15T12:30:00+0000',
    '555',
    'S01-1111111-2222222-R000001',
    'ORDER-1',
    'Refund',
    'S01-1111111-2222222',
    '-10.00',
    '0.00',
    '0.00',
    '0.00',
    '-10.00',
    'USD',
    'Refund S01-1111111-2222222-R000001',
  ],
  [
    '2026-01-15T12:45:00+0000',
    '555',
    'S01-3333333-4444444-C000001',
    'ORDER-2',
    'Capture',
    'S01-3333333-4444444',
    '1500',
    '-44',
    '-0',
    '-44',
    '1456',
    'JPY',
    'Capture yen',
  ],
];

function tsv(header: readonly string[], rows: readonly (readonly string[])[], preamble = PREAMBLE): string {
  return [...preamble, header.join('\t'), ...rows.map((row) => row.join('\t'))].join('\n') + '\n';
}

describe('settlement parser', () => {
  it('reads the sandbox layout into minor units, with the preamble as metadata', async () => {
    const report = await parseSettlementDocument(streamOf(tsv(SETTLEMENT_COLUMNS, SANDBOX_ROWS), 50));
    expect(report.metadata).toMatchObject({
      SellerId: 'SANDBOXMERCHANT01',
      SettlementFileFormatVersion: 'sandbox-1',
      SettlementEndDate: '2026-01-15T13:00:00+0000',
    });
    expect(report.issues).toEqual([]);
    expect(report.unknownColumns).toEqual([]);
    expect(report.rows).toHaveLength(3);
    expect(report.rows[0]).toMatchObject({
      line: 7,
      amazonTransactionId: 'S01-1111111-2222222-C000001',
      sellerReferenceId: 'ORDER-1',
      sellerOrderId: 'S01-1111111-2222222',
      transactionType: 'Capture',
      currency: 'USD',
      amount: 5000,
      percentageFee: -145,
      fixedFee: -30,
      fees: -175,
      net: 4825,
      settlementId: '555',
      postedDate: '2026-01-15T12:00:00+0000',
    });
    expect(report.rows[1]).toMatchObject({ amount: -1000, fees: 0, net: -1000 });
    expect(report.rows[2]).toMatchObject({ currency: 'JPY', amount: 1500, fees: -44, net: 1456 });
  });

  it('maps columns by name: reordered, renamed by alias, extra and missing optional columns', async () => {
    const header = [
      'Currency',
      'Net Amount',
      'Amount',
      'Extra Column',
      'Seller Order ID',
      'amazon transaction id',
      'Fees',
      'Type',
    ];
    const rows = [
      ['usd', '"1,203.50"', '"1,234.56"', 'x', 'ORDER-9', 's01-1111111-2222222-c000009', '(31.06)', 'Capture'],
      ['EUR', '', '20.00', '', 'ORDER-10', 'P01-2400747-7777779-C084595', '-0.88', 'Capture'],
    ];
    const text = [header.join(','), ...rows.map((row) => row.join(','))].join('\r\n');
    const report = await parseSettlementText(text);
    expect(report.unknownColumns).toEqual(['Extra Column']);
    expect(report.issues).toEqual([]);
    expect(report.rows[0]).toMatchObject({
      currency: 'USD',
      amount: 123_456,
      fees: -3106,
      net: 120_350,
      sellerOrderId: 'ORDER-9',
      sellerReferenceId: null,
      settlementId: null,
      extra: { 'Extra Column': 'x' },
    });
    // No net column value: net = amount + fees.
    expect(report.rows[1]).toMatchObject({
      amazonTransactionId: 'P01-2400747-7777779-C084595',
      currency: 'EUR',
      amount: 2000,
      fees: -88,
      net: 1912,
      extra: {},
    });
  });

  it("reads the sandbox's transaction-report layout too (no fee columns)", () => {
    const report = parseSettlementRecords([
      ['ReportFormatVersion', 'sandbox-1'],
      [...TRANSACTION_COLUMNS],
      ['2026-01-15T12:00:00+0000', 'S01-1111111-2222222-C000001', 'S01-1111111-2222222', 'ORDER-1', 'Capture', '50.00', 'USD'],
    ]);
    expect(report.rows[0]).toMatchObject({ chargePermissionId: 'S01-1111111-2222222', amount: 5000, fees: 0, net: 5000 });
  });

  it('turns unreadable rows into issues and keeps the rest', () => {
    const report = parseSettlementRecords([
      ['AmazonTransactionId', 'TransactionAmount', 'CurrencyCode', 'NetTransactionAmount', 'TotalTransactionFee'],
      ['S01-1-2-C1', '12.345', 'USD', '', ''],
      ['S01-1-2-C2', '10.00', 'XYZ', '', ''],
      ['', '10.00', 'USD', '', ''],
      ['S01-1-2-C3', 'ten', 'USD', '', ''],
      ['S01-1-2-C4', '10.00', 'USD', '9.00', '-0.50'],
      ['', '', '', '', ''],
      ['S01-1-2-C5', '10.50', 'USD', '', ''],
    ]);
    expect(report.rows.map((row) => row.amazonTransactionId)).toEqual(['S01-1-2-C4', 'S01-1-2-C5']);
    expect(report.issues.map((issue) => issue.line)).toEqual([2, 3, 4, 5, 6]);
    expect(report.issues[0]?.message).toContain('more decimals');
    expect(report.issues[1]?.message).toContain('unsupported currency "XYZ"');
    expect(report.issues[4]?.message).toContain('net 900');
  });

  it('refuses a file without a recognisable header, or without currency', () => {
    expect(() =>
      parseSettlementRecords([
        ['SellerId', 'M1'],
        ['Foo', 'Bar', 'Baz'],
      ]),
    ).toThrow(SettlementFormatError);
    expect(() => parseSettlementRecords([['AmazonTransactionId', 'TransactionAmount']])).toThrow(/currency/);
    expect(
      parseSettlementRecords(
        [
          ['AmazonTransactionId', 'TransactionAmount'],
          ['S01-1-2-C1', '5'],
        ],
        { defaultCurrency: 'JPY' },
      ).rows[0],
    ).toMatchObject({ amount: 5, currency: 'JPY' });
  });
});

describe('settlement preamble layouts', () => {
  it('reads a names row + values row preamble as metadata, and still finds the header by name', async () => {
    const text = [
      'SellerId\tSettlementStartDate\tSettlementEndDate',
      'A1SELLER\t2015-05-18T14:37:01-0700\t2015-06-01T14:37:01-0700',
      '',
      'TransactionPostedDate\tAmazonTransactionId\tTransactionType\tTransactionAmount\tCurrencyCode',
      '2015-05-19T10:00:00-0700\tP01-2400747-7777779-C084595\tCapture\t12.00\tGBP',
    ].join('\n');
    const report = await parseSettlementText(text);
    expect(report.metadata).toEqual({
      SellerId: 'A1SELLER',
      SettlementStartDate: '2015-05-18T14:37:01-0700',
      SettlementEndDate: '2015-06-01T14:37:01-0700',
    });
    expect(report.rows[0]).toMatchObject({
      amazonTransactionId: 'P01-2400747-7777779-C084595',
      currency: 'GBP',
      amount: 1200,
      line: 5,
    });
  });
});
