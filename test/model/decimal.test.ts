import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECIMAL_LIMITS, Exact, MONEY_LIMITS, decimalSchema, readDecimal, type DecimalLimits } from '../../src/model/decimal';
import { scaledText } from '../../src/testing';

/** The parsed decimal; fails the test with the issues when refused. */
function read(input: unknown): Decimal {
  const result = decimalSchema.safeParse(input);
  if (!result.success) throw new Error(`refused ${String(input)}: ${result.error.issues.map((issue) => issue.message).join('; ')}`);
  return result.data;
}

/** The messages of a refusal; fails the test when the input was accepted. */
function refusal(input: unknown): string[] {
  const result = decimalSchema.safeParse(input);
  if (result.success) throw new Error(`accepted ${String(input)} as ${result.data.toString()}`);
  return result.error.issues.map((issue) => issue.message);
}

describe('Exact', () => {
  it('computes with 1,000 significant digits whatever the global Decimal settings', () => {
    const globalPrecision = Decimal.precision;
    Decimal.set({ precision: 5 });
    try {
      expect(new Exact(1).div(3).toString()).toBe(`0.${'3'.repeat(1000)}`);
    } finally {
      Decimal.set({ precision: globalPrecision });
    }
  });

  it('writes plain notation, never exponents, for ordinary magnitudes', () => {
    expect(new Exact('1e-7').toString()).toBe('0.0000001');
    expect(new Exact('1e21').toString()).toBe('1000000000000000000000');
  });

  it('makes ordinary Decimal instances', () => {
    expect(new Exact('1.5')).toBeInstanceOf(Decimal);
  });
});

describe('decimalSchema', () => {
  it('reads a number through its shortest text, so 3.667 is exactly 3.667', () => {
    expect(read(3.667).toString()).toBe('3.667');
    expect(read(3.667).equals(new Exact('3.667'))).toBe(true);
    expect(read(11.001).toString()).toBe('11.001');
    expect(read(0.1).toString()).toBe('0.1');
  });

  it('adds parsed values exactly: 0.1 + 0.2 = 0.3, from strings and from numbers', () => {
    expect(read('0.1').plus(read('0.2')).toString()).toBe('0.3');
    expect(read('0.1').plus(read('0.2')).equals(new Exact('0.3'))).toBe(true);
    expect(read(0.1).plus(read(0.2)).equals(read(0.3))).toBe(true);
    expect(0.1 + 0.2 === 0.3).toBe(false);
  });

  it('reads decimal strings in plain or exponent notation, trimmed', () => {
    expect(read('3.667').toString()).toBe('3.667');
    expect(read(' 7.334 ').toString()).toBe('7.334');
    expect(read('+0.5').toString()).toBe('0.5');
    expect(read('.5').toString()).toBe('0.5');
    expect(read('5.').toString()).toBe('5');
    expect(read('-0.001').toString()).toBe('-0.001');
    expect(read('3.5e2').toString()).toBe('350');
    expect(read('1E-3').toString()).toBe('0.001');
    expect(read('350.001').gt(350)).toBe(true);
  });

  it('keeps every digit of a long decimal string within the limits', () => {
    const long = '123456789012345.12345678901234567891';
    expect(read(long).toString()).toBe(long);
    expect(read('-999999999999999.99999999999999999999').toString()).toBe('-999999999999999.99999999999999999999');
  });

  it('refuses what no meter, price or rate can be: 10^15 or more, more than 20 decimals, absurd exponents', () => {
    expect(refusal('1e600000000')).toEqual(['"1e600000000" is too large: a value here stays below 10^15 (check its unit and digits)']);
    expect(refusal('1e9000000000000001')).toEqual(['expected a finite decimal number such as "3.667", received "1e9000000000000001"']);
    expect(refusal('1000000000000000')).toHaveLength(1);
    expect(refusal(-1e15)).toHaveLength(1);
    expect(refusal('1e-21')).toEqual(['"1e-21" has more than 20 decimal places (check its unit and digits)']);
    expect(refusal('1e-600000000')).toHaveLength(1);
    expect(refusal(5e-324)).toHaveLength(1);
    expect(refusal(new Decimal('1e600000000'))).toEqual(['1e+600000000 is too large: a value here stays below 10^15 (check its unit and digits)']);
    expect(read('0e600000000').isZero()).toBe(true);
  });

  it('accepts a Decimal, from decimal.js itself or from Exact, keeping its digits', () => {
    expect(read(new Decimal('3.667')).toString()).toBe('3.667');
    expect(read(new Exact('11.001')).toString()).toBe('11.001');
    const manyDigits = new Decimal('0.12345678901234567890');
    expect(read(manyDigits).toString()).toBe('0.1234567890123456789');
  });

  it('gives values that compute with the library precision', () => {
    expect(read('1').div(3).toString()).toBe(`0.${'3'.repeat(1000)}`);
  });

  it('refuses NaN and infinities, as numbers, strings or Decimals', () => {
    for (const input of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 'NaN', 'Infinity', '-Infinity', new Decimal(Number.NaN), new Decimal(Number.POSITIVE_INFINITY)]) {
      expect(refusal(input).join(' ')).toContain('"3.667"');
    }
  });

  it('refuses text that is not a decimal number, quoting it', () => {
    expect(refusal('1,5')).toEqual(['expected a finite decimal number such as "3.667", received "1,5"']);
    expect(refusal('abc')).toEqual(['expected a finite decimal number such as "3.667", received "abc"']);
    expect(refusal('')).toEqual(['expected a finite decimal number such as "3.667", received ""']);
    for (const input of ['   ', '0x1f', '0b101', '1_000', '1.2.3', '3.667 kWh', 'e5', '--1', '1e']) {
      expect(refusal(input)).toHaveLength(1);
    }
  });

  it('refuses values of other types, saying what it received', () => {
    expect(refusal(true)).toEqual(['expected a decimal number such as "3.667", received true']);
    expect(refusal(null)).toEqual(['expected a decimal number such as "3.667", received null']);
    expect(refusal(undefined)).toEqual(['expected a decimal number such as "3.667", received nothing']);
    expect(refusal({ value: 3 })).toEqual(['expected a decimal number such as "3.667", received an object']);
    expect(refusal([3.667])).toEqual(['expected a decimal number such as "3.667", received an array']);
    expect(refusal(3n)).toEqual(['expected a decimal number such as "3.667", received 3']);
  });
});

describe('properties', () => {
  /** Decimals within the limits: below 10^15, up to 20 decimals. */
  const scaledArb = fc.integer({ min: 0, max: 20 }).chain((scale) =>
    fc.bigInt({ min: -(10n ** BigInt(15 + scale)) + 1n, max: 10n ** BigInt(15 + scale) - 1n }).map((unscaled) => ({ unscaled, scale })),
  );

  it('reads any decimal string exactly', () => {
    fc.assert(
      fc.property(scaledArb, ({ unscaled, scale }) => {
        const written = scaledText(unscaled, scale);
        expect(read(written).toFixed(scale)).toBe(written);
      }),
    );
  });

  it('reads any finite number within the limits as the shortest decimal that is that number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e15, max: 1e15, minExcluded: true, maxExcluded: true }).filter((n) => new Decimal(String(n)).decimalPlaces() <= 20), (value) => {
        const decimal = read(value);
        expect(decimal.toNumber()).toBe(value === 0 ? 0 : value);
        // Never the binary expansion (up to 767 digits): at most the 17 digits that identify a double.
        expect(decimal.sd()).toBeLessThanOrEqual(17);
      }),
    );
  });

  it('accepts a string only when it is a decimal number, and then reads its value', () => {
    const decimalish = fc.string({ unit: fc.constantFrom(...'0123456789.,eE+- x'), maxLength: 12 });
    fc.assert(
      fc.property(fc.oneof(decimalish, fc.string()), (input) => {
        const result = decimalSchema.safeParse(input);
        if (result.success) {
          expect(Number.isNaN(Number(input))).toBe(false);
          expect(input.trim()).not.toBe('');
          expect(result.data.toNumber()).toBe(Number(input));
          expect(Math.abs(Number(input))).toBeLessThan(1e15);
        } else {
          expect(result.error.issues).toHaveLength(1);
          expect(result.error.issues[0]?.path).toEqual([]);
          expect(result.error.issues[0]?.message).toMatch(/"3\.667"|too large|decimal places/);
        }
      }),
      { numRuns: 500 },
    );
  });

  /**
   * What reading a decimal gave before plain text had its own reader: decimal.js parses the
   * text, then the limits are checked. The category of a refusal, or the value.
   */
  function referenceRead(text: string, limits: DecimalLimits): Decimal | 'not a decimal' | 'too large' | 'decimal places' {
    const trimmed = text.trim();
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return 'not a decimal';
    const value = new Exact(trimmed);
    if (!value.isZero() && value.e >= limits.maxIntegerDigits) return 'too large';
    if (value.decimalPlaces() > limits.maxDecimalPlaces) return 'decimal places';
    return value;
  }

  /** Text shaped like a decimal: signs, leading and trailing zeros, points anywhere, sometimes an exponent. */
  const decimalText = fc
    .tuple(
      fc.constantFrom('', '', '-', '+', ' '),
      fc.string({ unit: fc.constantFrom('0', '0', '0', '1', '5', '9', '7'), maxLength: 22 }),
      fc.option(fc.string({ unit: fc.constantFrom('0', '0', '3', '9', '1'), maxLength: 26 }), { nil: undefined }),
      fc.constantFrom('', '', '', 'e3', 'E-2', '.', ' '),
    )
    .map(([sign, whole, fraction, tail]) => `${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}${tail}`);

  it('reads decimal text exactly as decimal.js does, value, shape and refusal alike', () => {
    fc.assert(
      fc.property(decimalText, fc.constantFrom(DECIMAL_LIMITS, MONEY_LIMITS), (text, limits) => {
        const expected = referenceRead(text, limits);
        const actual = readDecimal(text, limits);
        if (typeof expected === 'string') {
          expect(typeof actual).toBe('string');
          expect(actual).toContain(expected === 'not a decimal' ? '"3.667"' : expected);
          return;
        }
        if (typeof actual === 'string') throw new Error(`refused ${JSON.stringify(text)}: ${actual}`);
        expect({ s: actual.s, e: actual.e, d: actual.d }).toEqual({ s: expected.s, e: expected.e, d: expected.d });
        expect(Object.keys(actual)).toEqual(Object.keys(expected));
        expect(Object.getPrototypeOf(actual)).toBe(Object.getPrototypeOf(expected));
        expect(actual.constructor).toBe(Exact);
        const factor = new Exact('1.0000001');
        expect(actual.times(factor).plus(actual).toFixed()).toBe(expected.times(factor).plus(expected).toFixed());
      }),
      { numRuns: 5_000 },
    );
  });

  it('reads numbers exactly as decimal.js reads their shortest text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.double({ min: -1e6, max: 1e6 })), (value) => {
        const expected = referenceRead(String(value), DECIMAL_LIMITS);
        const actual = readDecimal(value);
        if (typeof expected === 'string') expect(typeof actual).toBe('string');
        else expect(actual).toEqual(expected);
      }),
      { numRuns: 2_000 },
    );
  });
});

