import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RapportInputError } from '../model/parse';
import { csvRecords, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b,c\r\n1,"x, ""y""\r\nz",3\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, "y"\r\nz', '3'],
    ]);
  });

  it('accepts LF, CR and CRLF line ends, a BOM, and no final line break', () => {
    expect(parseCsv('\ufeffa,b\n1,2\r3,4\r\n5,6')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('keeps empty fields, including a trailing one, and empty lines as one empty field', () => {
    expect(parseCsv('a,,c,\n\n"",x\n')).toEqual([['a', '', 'c', ''], [''], ['', 'x']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('keeps a quote inside an unquoted field, and text after a closing quote', () => {
    expect(parseCsv('5" pan,"a"b\n')).toEqual([['5" pan', 'ab']]);
  });

  it('reads other delimiters', () => {
    expect(parseCsv('a;b\n"1;2";3', { delimiter: ';' })).toEqual([
      ['a', 'b'],
      ['1;2', '3'],
    ]);
    expect(() => parseCsv('a', { delimiter: '"' })).toThrow(RapportInputError);
  });

  it('names the line of a quoted field that never closes', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"oops\n4,5\n')).toThrow(
      'The CSV has a quoted field opened on line 3 that never closes.',
    );
  });

  it('round-trips any table written the RFC 4180 way', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r\n', ' ', '😀') });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 20 }),
        (rows) => {
          const text = rows
            .map((r) => r.map((f) => `"${f.replaceAll('"', '""')}"`).join(','))
            .join('\r\n');
          expect(parseCsv(text)).toEqual(rows);
        },
      ),
    );
  });

  it('reads a megabyte of quotes and delimiters in linear time', () => {
    // Not a timing assertion: a quadratic parser would not finish the test run at all.
    expect(parseCsv(`"${'""'.repeat(500_000)}"`)[0]![0]).toHaveLength(500_000);
    expect(parseCsv(','.repeat(1_000_000))[0]).toHaveLength(1_000_001);
  });
});

describe('csvRecords', () => {
  it('keys rows by header, with null-prototype records', () => {
    const { header, records, widths } = csvRecords([['id', '__proto__'], ['1', 'x'], ['2']]);
    expect(header).toEqual(['id', '__proto__']);
    expect(records[0]!['__proto__']).toBe('x');
    expect(Object.getPrototypeOf(records[0])).toBeNull();
    expect(widths).toEqual([2, 1]);
  });

  it('refuses a header that names a column twice', () => {
    expect(() => csvRecords([['id', 'id']])).toThrow(/"id" twice/);
  });
});
