import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './delimiter';

describe('detectDelimiter', () => {
  it('reads the sandbox settlement file as tab-separated', () => {
    const sample =
      'SettlementFileFormatVersion\tsandbox-1\nSellerId\tM1\n\nTransactionPostedDate\tSettlementId\tAmazonTransactionId\n2026-01-15T11:00:00+0000\t1\tS01-1-2-C3\n';
    expect(detectDelimiter(sample)).toBe('\t');
  });

  it('reads a comma-separated file', () => {
    expect(detectDelimiter('a,b,c\r\n1,2,3\r\n')).toBe(',');
  });

  it('ignores delimiters inside quotes, including quoted newlines and doubled quotes', () => {
    expect(detectDelimiter('"a\tb","c\td"\n"1\t2","3"\n')).toBe(',');
    expect(detectDelimiter('name\tnote\n"x, y, z"\t"he said ""a,b"""\n"multi\nline, with, commas"\tok\n')).toBe('\t');
  });

  it('prefers tab when commas only appear in some values of a tab file', () => {
    expect(detectDelimiter('Id\tAmount\tDescription\n1\t12.00\tShoes, red\n2\t3.00\tHat\n')).toBe('\t');
  });

  it('falls back to tab for a single column and copes with a BOM', () => {
    expect(detectDelimiter('OnlyColumn\nvalue\n')).toBe('\t');
    expect(detectDelimiter('\uFEFFa,b\n1,2')).toBe(',');
    expect(detectDelimiter('')).toBe('\t');
  });
});
