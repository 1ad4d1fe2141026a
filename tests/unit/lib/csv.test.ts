import { describe, expect, it } from 'vitest';
import { csvField, csvRecords, parseCsv, writeCsv } from '../../../src/lib/csv.ts';

describe('reading CSV', () => {
  it('handles quotes, commas, doubled quotes and line breaks inside quotes', () => {
    const { rows, lines } = parseCsv('name,notes\r\n"Banbury, Cake Club","Said ""hello""\nthen left"\r\nWitney Walkers,ok\n');
    expect(rows).toEqual([
      ['name', 'notes'],
      ['Banbury, Cake Club', 'Said "hello"\nthen left'],
      ['Witney Walkers', 'ok'],
    ]);
    expect(lines).toEqual([1, 2, 4]);
  });

  it('ignores a byte-order mark and blank lines', () => {
    expect(parseCsv('\uFEFFa,b\n\n1,2\n').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reports a quote that is never closed, with its line', () => {
    expect(parseCsv('a,b\n1,"oops\n2,3').problem).toBe('A quoted value that starts on line 2 is never closed. Check for a missing " mark.');
  });

  it('gives records keyed by the header', () => {
    const { header, records } = csvRecords(parseCsv('Name , Amount\nA,10\nB\n'));
    expect(header).toEqual(['name', 'amount']);
    expect(records).toEqual([
      { line: 2, values: { name: 'A', amount: '10' } },
      { line: 3, values: { name: 'B', amount: '' } },
    ]);
  });
});

describe('writing CSV', () => {
  it('round-trips awkward values', () => {
    const rows = [['a', 'b, c', 'say "hi"', 'two\nlines', '']];
    expect(parseCsv(writeCsv(rows)).rows).toEqual(rows.map((r) => r.slice(0, 4).concat([''])));
  });

  it('disarms values a spreadsheet would run as formulas, but not negative numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});
