import { describe, expect, it } from 'vitest';
import { SETTLEMENT_COLUMNS } from '@/sandbox';
import { previewDocument } from './preview';
import { chunkedSource, streamOf } from '@/test/byte-sources';

function settlementText(rows: number): string {
  const lines = [
    'SettlementFileFormatVersion\tsandbox-1',
    'SellerId\tSANDBOXMERCHANT01',
    'SettlementStartDate\t2026-01-15T11:00:00+0000',
    'SettlementEndDate\t2026-01-15T13:00:00+0000',
    '',
    SETTLEMENT_COLUMNS.join('\t'),
  ];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [
        '2026-01-15T12:00:00+0000',
        '123',
        `S01-0000000-${String(i).padStart(7, '0')}-C000001`,
        `ORDER-${i}`,
        'Capture',
        'S01-x',
        '50.00',
        '-1.45',
        '-0.30',
        '-1.75',
        '48.25',
        'USD',
        `Capture ${i}`,
      ].join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('previewDocument', () => {
  it('finds the header after the settlement preamble and returns metadata', async () => {
    const preview = await previewDocument(streamOf(settlementText(3)), { maxRows: 10 });
    expect(preview.delimiter).toBe('\t');
    expect(preview.columns).toEqual([...SETTLEMENT_COLUMNS]);
    expect(preview.rows).toHaveLength(3);
    expect(preview.rows[0]?.[3]).toBe('ORDER-0');
    expect(preview.metadata).toEqual({
      SettlementFileFormatVersion: 'sandbox-1',
      SellerId: 'SANDBOXMERCHANT01',
      SettlementStartDate: '2026-01-15T11:00:00+0000',
      SettlementEndDate: '2026-01-15T13:00:00+0000',
    });
    expect(preview.truncated).toBe(false);
  });

  it('stops early without reading the whole document, and releases the source', async () => {
    const doc = chunkedSource(settlementText(20_000), 256);
    const preview = await previewDocument(doc.source, { maxRows: 5 });
    expect(preview.rows).toHaveLength(5);
    expect(preview.truncated).toBe(true);
    expect(doc.total).toBeGreaterThan(5_000);
    // csv-parse buffers at most ~1024 records ahead, about 200 chunks of this size.
    expect(doc.pulled()).toBeLessThan(doc.total / 10);
    expect(doc.closed()).toBe(true);
  });

  it('cancels a ReadableStream source when it stops early', async () => {
    let cancelled = false;
    const body = new TextEncoder().encode('a,b,c\n' + '1,2,3\n'.repeat(10_000));
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(body.slice(offset, (offset += 100)));
        if (offset >= body.byteLength) controller.close();
      },
      cancel() {
        cancelled = true;
      },
    });
    const preview = await previewDocument(stream, { maxRows: 2 });
    expect(preview).toMatchObject({
      delimiter: ',',
      columns: ['a', 'b', 'c'],
      rows: [
        ['1', '2', '3'],
        ['1', '2', '3'],
      ],
      truncated: true,
    });
    expect(cancelled).toBe(true);
    expect(offset).toBeLessThan(body.byteLength / 2);
  });

  it('handles quoted fields with delimiters and newlines, and a comma file without preamble', async () => {
    const text = 'Id,Description,Amount\r\n1,"Shoes, red\nsize 42",12.00\r\n2,"He said ""hi""",3.00\r\n';
    const preview = await previewDocument(streamOf(text, 7));
    expect(preview).toMatchObject({ delimiter: ',', columns: ['Id', 'Description', 'Amount'], metadata: {}, truncated: false });
    expect(preview.rows).toEqual([
      ['1', 'Shoes, red\nsize 42', '12.00'],
      ['2', 'He said "hi"', '3.00'],
    ]);
  });

  it('treats the first row of a two-column file as its header', async () => {
    const preview = await previewDocument(streamOf('Key\tValue\na\t1\nb\t2\n'));
    expect(preview).toMatchObject({
      columns: ['Key', 'Value'],
      rows: [
        ['a', '1'],
        ['b', '2'],
      ],
      metadata: {},
    });
  });

  it('returns an empty preview for an empty document', async () => {
    expect(await previewDocument(streamOf(''))).toEqual({
      delimiter: '\t',
      columns: [],
      rows: [],
      metadata: {},
      truncated: false,
    });
  });
});

describe('previewDocument with a names/values preamble', () => {
  it('prefers the row that names the settlement columns', async () => {
    const text =
      'SellerId\tSettlementStartDate\tSettlementEndDate\nA1\t2015-05-18\t2015-06-01\nAmazonTransactionId\tTransactionAmount\tCurrencyCode\nP01-1-2-C3\t1.00\tEUR\n';
    const preview = await previewDocument(streamOf(text));
    expect(preview).toMatchObject({
      columns: ['AmazonTransactionId', 'TransactionAmount', 'CurrencyCode'],
      rows: [['P01-1-2-C3', '1.00', 'EUR']],
      metadata: { SellerId: 'A1', SettlementEndDate: '2015-06-01' },
    });
  });
});
