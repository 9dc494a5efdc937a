import { ConfigError } from '../../src/errors';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { neutraliseFormula, toCsv } from '../../src/report/csv';

const read = (text: string): string[][] => parse(text, { bom: false, relax_quotes: false });

/** What a cell reads back as: itself, with a `'` in front when it starts like a formula. */
const expectedCell = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

describe('toCsv', () => {
  it('writes plain fields unquoted, CRLF after every record', () => {
    expect(toCsv(['Start', 'Energy'], [['2022-11-10 14:50', '3.667 kWh'], ['2022-11-10 08:53', '11.001 kWh']])).toBe(
      'Start,Energy\r\n2022-11-10 14:50,3.667 kWh\r\n2022-11-10 08:53,11.001 kWh\r\n',
    );
  });
  it('writes only the header when there are no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });
  it('quotes fields with a comma, quote, CR or LF and doubles quotes', () => {
    expect(toCsv(['x'], [['a,b'], ['say "hi"'], ['line\nbreak'], ['cr\rhere'], ['"']])).toBe(
      'x\r\n"a,b"\r\n"say ""hi"""\r\n"line\nbreak"\r\n"cr\rhere"\r\n""""\r\n',
    );
  });
  it('quotes fields that start or end with a space', () => {
    expect(toCsv(['x', 'y', 'z'], [[' lead', 'trail ', 'in side']])).toBe('x,y,z\r\n" lead","trail ",in side\r\n');
  });
  it('writes empty fields empty, but a lone empty field as "" so the record is not a blank line', () => {
    expect(toCsv(['a', 'b'], [['', '']])).toBe('a,b\r\n,\r\n');
    expect(toCsv(['a'], [[''], ['x']])).toBe('a\r\n""\r\nx\r\n');
  });
  it('prefixes a quote to cells that start like a formula, header included', () => {
    expect(toCsv(['=cmd'], [['=1+1'], ['+31'], ['-0:01:00'], ['@SUM(A1)'], ['\tx'], ['a=b']])).toBe(
      "'=cmd\r\n'=1+1\r\n'+31\r\n'-0:01:00\r\n'@SUM(A1)\r\n'\tx\r\na=b\r\n",
    );
  });
  it('prefixes first, then quotes when the cell needs it', () => {
    expect(toCsv(['x'], [['\r\n=1'], ['=A1,"b"']])).toBe('x\r\n"\'\r\n=1"\r\n"\'=A1,""b"""\r\n');
  });
  it('keeps unicode as it is', () => {
    expect(toCsv(['Type', 'Énergie'], [['Ungültig', '3,667 kWh – 0:15:02']])).toBe(
      'Type,Énergie\r\nUngültig,"3,667 kWh – 0:15:02"\r\n',
    );
  });
  it('refuses rows of the wrong length, naming the row', () => {
    expect(() => toCsv(['a', 'b'], [['1', '2'], ['1']])).toThrow(ConfigError);
    expect(() => toCsv(['a', 'b'], [['1', '2'], ['1']])).toThrow(/rows\[1\] has 1 cells but the header has 2 columns/);
    expect(() => toCsv(['a'], [['1', '2']])).toThrow(/rows\[0\] has 2 cells/);
  });
  it('refuses an empty header and cells that are not strings', () => {
    expect(() => toCsv([], [])).toThrow(/at least one header column/);
    expect(() => toCsv(['a', 'Energy'], [['x', 3.667 as unknown as string]])).toThrow(
      /rows\[0\]\[1\] \(column "Energy"\) is a number; format every cell to a string first/,
    );
    expect(() => toCsv([null as unknown as string], [])).toThrow(/header\[0\] is null/);
  });
});

describe('neutraliseFormula', () => {
  it('prefixes only the formula starts', () => {
    expect(['=', '+', '-', '@', '\t', '\r'].map((c) => neutraliseFormula(`${c}x`))).toEqual([
      "'=x",
      "'+x",
      "'-x",
      "'@x",
      "'\tx",
      "'\rx",
    ]);
    expect(neutraliseFormula('x=1')).toBe('x=1');
    expect(neutraliseFormula(' =1')).toBe(' =1');
    expect(neutraliseFormula('')).toBe('');
  });
});

describe('properties', () => {
  const cell = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: fc.constantFrom('"', ',', '\r', '\n', ' ', '=', '-', '\t', 'a', '\'') }),
    fc.string({ unit: 'binary' }),
  );
  const table = fc.integer({ min: 1, max: 6 }).chain((columns) =>
    fc.tuple(
      fc.array(cell, { minLength: columns, maxLength: columns }),
      fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { maxLength: 8 }),
    ),
  );

  it('parses back to the header and cells, neutralised cells with their leading quote', () => {
    fc.assert(
      fc.property(table, ([header, rows]) => {
        const text = toCsv(header, rows);
        expect(read(text)).toEqual([header, ...rows].map((r) => r.map(expectedCell)));
      }),
      { numRuns: 500 },
    );
  });

  it('ends every record with CRLF and the text with CRLF', () => {
    fc.assert(
      fc.property(table, ([header, rows]) => {
        const text = toCsv(header, rows);
        expect(text.endsWith('\r\n')).toBe(true);
        // Outside quoted fields, every CR is followed by LF and every LF preceded by CR.
        const unquoted = text.replace(/"(?:[^"]|"")*"/g, '');
        expect(unquoted.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        expect(unquoted.split('\r\n').length - 1).toBe(rows.length + 1);
      }),
    );
  });

  it('no field, as read back, starts like a formula unless it was neutralised', () => {
    fc.assert(
      fc.property(table, ([header, rows]) => {
        for (const field of read(toCsv(header, rows)).flat()) {
          expect(/^[=+\-@\t\r]/.test(field)).toBe(false);
        }
      }),
    );
  });
});
