import { describe, expect, it } from 'vitest';
import { csvField, csvLine, numericCell } from './csv-writer';

describe('csv writer', () => {
  it('quotes delimiters, quotes, newlines and edge spaces', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
  });

  it('defuses spreadsheet formulas in text but leaves numeric cells alone', () => {
    expect(csvField('=SUM(A1:A2)')).toBe("'=SUM(A1:A2)");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('-12.50')).toBe("'-12.50");
    expect(csvField(numericCell('-12.50'))).toBe('-12.50');
    expect(csvLine(['a', numericCell('-1.00'), null, '=1+1,2'])).toBe(`a,-1.00,,"'=1+1,2"\r\n`);
  });
});
