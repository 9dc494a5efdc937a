import { Decimal } from 'decimal.js';
import * as z from 'zod/mini';
import { describe } from './messages.js';

/**
 * The library's own decimal constructor, independent of any global
 * `Decimal.set(...)` a host application makes: 1,000 significant digits, so
 * that every sum and product of values within {@link DECIMAL_LIMITS} (or
 * {@link MONEY_LIMITS}) is exact, and plain (non-exponential) notation. Its
 * values are ordinary `Decimal` instances.
 */
export const Exact = Decimal.clone({ precision: 1000, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -1000, toExpPos: 1000 });

/** For figures shown to people that need a division (an average power): 20 significant digits. */
export const Approximate = Decimal.clone({ precision: 20, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 30 });

/** A decimal as written in JSON: a decimal string ("3.667"), a number, or a `Decimal`. */
export type DecimalInput = string | number | Decimal;

/**
 * What a decimal read from data may be: below 10^15 in magnitude and at most
 * 20 decimal places. No meter, price or rate comes near either bound; a value
 * beyond them is a defect of the data (a unit error, a corrupted field), and
 * refusing it keeps every sum exact and every formatted figure short.
 */
export const DECIMAL_LIMITS: DecimalLimits = Object.freeze({ maxIntegerDigits: 15, maxDecimalPlaces: 20 });

/**
 * What an amount of money built by a caller may be: below 10^100 and at most
 * 100 decimal places, far beyond any real amount, so sums stay exact.
 */
export const MONEY_LIMITS: DecimalLimits = /* @__PURE__ */ Object.freeze({ maxIntegerDigits: 100, maxDecimalPlaces: 100 });

/** Bounds on a decimal's magnitude and decimal places. */
export interface DecimalLimits {
  /** The value stays below 10^maxIntegerDigits in magnitude. */
  readonly maxIntegerDigits: number;
  readonly maxDecimalPlaces: number;
}

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * True for a decimal.js `Decimal` from any copy of decimal.js (its ESM and
 * CommonJS builds load as two classes, so `instanceof` is not enough).
 *
 * @example isDecimal(new Decimal('3.667')); // => true
 * @example isDecimal('3.667'); // => false
 */
export function isDecimal(value: unknown): value is Decimal {
  return Decimal.isDecimal(value);
}

/**
 * Reads a decimal exactly: a number through its shortest round-trip text (so
 * `3.667` is exactly 3.667, never its binary neighbour), a string in plain or
 * exponent notation, or a `Decimal` of any copy of decimal.js. Returns the
 * value, or why it cannot be one: NaN, infinities and values beyond `limits`
 * are refused.
 */
export function readDecimal(value: unknown, limits: DecimalLimits = DECIMAL_LIMITS): Decimal | string {
  let read: Decimal | undefined;
  if (typeof value === 'string' || typeof value === 'number') {
    // A number through its shortest round-trip text ("NaN" and "Infinity" are then refused as text).
    let text = String(value);
    // Plain text within the limits by its digit counts; anything else through decimal.js.
    const plain = readPlainDecimal(text, limits) ?? readPlainDecimal((text = text.trim()), limits);
    if (plain !== undefined) return plain;
    if (DECIMAL_TEXT.test(text)) read = new Exact(text);
  } else if (isDecimal(value)) {
    read = new Exact(value);
  }
  if (read === undefined || !read.isFinite()) {
    return `expected a finite decimal number such as "3.667", received ${describe(value)}`;
  }
  if (!read.isZero() && read.e >= limits.maxIntegerDigits) {
    return `${describe(value)} is too large: a value here stays below 10^${limits.maxIntegerDigits} (check its unit and digits)`;
  }
  if (read.decimalPlaces() > limits.maxDecimalPlaces) {
    return `${describe(value)} has more than ${limits.maxDecimalPlaces} decimal places (check its unit and digits)`;
  }
  return read;
}

/**
 * What a decimal is given as besides a string: a finite number (as
 * `z.number()` takes it) or a `Decimal`. Its JSON form is a number.
 */
export const numericSchema = z.custom<number | Decimal>((value) => Number.isFinite(value) || isDecimal(value));

/**
 * Zod schema for an exact decimal, read by {@link readDecimal}: a decimal
 * string, a number or a `Decimal`; NaN, infinities and values beyond
 * {@link DECIMAL_LIMITS} are refused with an issue that says why.
 */
export const decimalSchema = z.pipe(
  z.union([z.string(), numericSchema], {
    error: (issue) => `expected a decimal number such as "3.667", received ${describe(issue.input)}`,
  }),
  z.transform((value: string | number | Decimal, ctx) => {
    const read = readDecimal(value);
    if (typeof read !== 'string') return read;
    ctx.issues.push({ code: 'custom', message: read, input: value });
    return z.NEVER;
  }),
);

/** decimal.js's representation of a finite value: sign, base-10 exponent and base-10^7 digit words. */
interface DecimalParts {
  readonly s: number;
  readonly e: number;
  readonly d: readonly number[];
}

/** Digits in one of decimal.js's digit words. */
const WORD_DIGITS = 7;
const POWERS_OF_TEN = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000];

/**
 * Reads the text nearly every decimal in data is written as, an optional
 * sign and plain digits with at most one point ("11.489", "-0.5", "350"),
 * within `limits` by its digit counts, straight into decimal.js's
 * representation (sign `s`, base-10 exponent `e`, base-10^7 digit words `d`,
 * the most significant word without leading zeros and no trailing zero
 * word). It gives what `new Exact(text)` gives, several times faster, or
 * `undefined` for any other text (an exponent, too many digits), which
 * `new Exact` then reads. Property tests hold the two equal.
 */
function readPlainDecimal(text: string, limits: DecimalLimits): Decimal | undefined {
  const length = text.length;
  let at = 0;
  let sign = 1;
  const lead = text.charCodeAt(0);
  if (lead === 45 /* - */) {
    sign = -1;
    at = 1;
  } else if (lead === 43 /* + */) at = 1;
  let point = -1;
  let first = -1;
  let last = -1;
  for (let i = at; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 /* . */) {
      if (point >= 0) return undefined;
      point = i;
    } else if (code < 48 || code > 57) return undefined;
    else if (code !== 48) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (point < 0) point = length;
  const integerDigits = point - at;
  const decimalPlaces = length - point - 1;
  if (integerDigits + Math.max(decimalPlaces, 0) === 0) return undefined;
  if (integerDigits > limits.maxIntegerDigits || decimalPlaces > limits.maxDecimalPlaces) return undefined;
  let exponent = 0;
  const words: number[] = [];
  if (first < 0) words.push(0);
  else {
    exponent = first < point ? point - first - 1 : point - first;
    // The first word holds the digits down to a multiple of 7 places from the units; then 7 digits a word.
    let wordLength = (((exponent + 1) % WORD_DIGITS) + WORD_DIGITS) % WORD_DIGITS || WORD_DIGITS;
    let word = 0;
    let size = 0;
    for (let i = first; i <= last; i++) {
      if (i === point) continue;
      word = word * 10 + (text.charCodeAt(i) - 48);
      if (++size === wordLength) {
        words.push(word);
        word = 0;
        size = 0;
        wordLength = WORD_DIGITS;
      }
    }
    if (size > 0) words.push(word * POWERS_OF_TEN[wordLength - size]!);
  }
  // The properties in the order decimal.js's constructor sets them, so the value has the same shape.
  const read = Object.create(Exact.prototype) as { constructor: unknown; s: number; e: number; d: number[] };
  read.constructor = Exact;
  read.s = sign;
  read.e = exponent;
  read.d = words;
  return read as unknown as Decimal;
}

/**
 * Orders two finite decimals as `a.comparedTo(b)` does (-1, 0 or 1), without
 * building a third decimal as `comparedTo` does for its argument: classify
 * compares energies with its bounds on every session.
 *
 * @example compareDecimals(new Decimal('3.667'), new Decimal('350')); // => -1
 */
export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const x = a as unknown as DecimalParts;
  const y = b as unknown as DecimalParts;
  const xd = x.d;
  const yd = y.d;
  if (!xd[0] || !yd[0]) return xd[0] ? (x.s as -1 | 1) : yd[0] ? (-y.s as -1 | 1) : 0;
  if (x.s !== y.s) return x.s as -1 | 1;
  const flip = x.s < 0;
  if (x.e !== y.e) return (x.e > y.e) !== flip ? 1 : -1;
  const length = Math.min(xd.length, yd.length);
  for (let i = 0; i < length; i++) {
    if (xd[i] !== yd[i]) return (xd[i]! > yd[i]!) !== flip ? 1 : -1;
  }
  return xd.length === yd.length ? 0 : (xd.length > yd.length) !== flip ? 1 : -1;
}
