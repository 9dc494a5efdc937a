import { describe } from '../model/messages.js';
import { usageError } from '../errors.js';

/*
 * Check character of a contract id (EMAID), as defined in "Check Digit
 * Calculation for Contract-IDs", used for eMI3 and ISO 15118 contract ids.
 *
 * Each of the 36 characters 0-9, A-Z has a number v (0..35) and is read as a
 * pair of vectors: q = (q1, q2) over F2 and r = (r1, r2) over F3, with
 * v = 9 * (2 * q1 + q2) + 3 * r1 + r2. A 15-character id c1..c15 is valid when
 *
 *   sum over k of q(ck) * P1^k = (0, 0) over F2, and
 *   sum over k of r(ck) * P2^k = (0, 0) over F3,
 *
 * with P1 = [[0, 1], [1, 1]] over F2 (order 3) and P2 = [[0, 1], [1, 2]] over
 * F3 (order 8). The check character c15 is the one character that satisfies
 * both equations given c1..c14.
 */

/** The 36 characters in the order that numbers them 0..35. */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const BASE_LENGTH = 14;

type Vec = readonly [number, number];
type Mat = readonly [Vec, Vec];

interface Field {
  /** The field's size (2 or 3). */
  readonly modulus: number;
  /** P^1 .. P^15: the weight of each of the 15 positions. */
  readonly weights: readonly Mat[];
  /** (P^15)^-1, to solve the check equation for the last position. */
  readonly lastInverse: Mat;
}

const IDENTITY: Mat = [
  [1, 0],
  [0, 1],
];

function vecTimesMat(v: Vec, m: Mat, modulus: number): Vec {
  return [(v[0] * m[0][0] + v[1] * m[1][0]) % modulus, (v[0] * m[0][1] + v[1] * m[1][1]) % modulus];
}

function matTimesMat(a: Mat, b: Mat, modulus: number): Mat {
  return [vecTimesMat(a[0], b, modulus), vecTimesMat(a[1], b, modulus)];
}

function power(p: Mat, exponent: number, modulus: number): Mat {
  let result = IDENTITY;
  for (let i = 0; i < exponent; i++) result = matTimesMat(result, p, modulus);
  return result;
}

function field(p: Mat, order: number, modulus: number): Field {
  const weights: Mat[] = [];
  for (let k = 1; k <= BASE_LENGTH + 1; k++) weights.push(power(p, k, modulus));
  // P^order is the identity, so (P^15)^-1 = P^(-15 mod order).
  const lastInverse = power(p, (((-(BASE_LENGTH + 1)) % order) + order) % order, modulus);
  return { modulus, weights, lastInverse };
}

const F2: Field = field(
  [
    [0, 1],
    [1, 1],
  ],
  3,
  2,
);
const F3: Field = field(
  [
    [0, 1],
    [1, 2],
  ],
  8,
  3,
);

/** The (q, r) components of an uppercase alphanumeric character. */
function components(char: string): { q: Vec; r: Vec } {
  const v = ALPHABET.indexOf(char);
  const q = Math.floor(v / 9);
  const r = v % 9;
  return { q: [Math.floor(q / 2), q % 2], r: [Math.floor(r / 3), r % 3] };
}

/** Sum over the characters of `vector(c_k) * P^k`, in the given field. */
function weightedSum(chars: string, f: Field, vector: (char: string) => Vec): Vec {
  let sum: Vec = [0, 0];
  for (let k = 0; k < chars.length; k++) {
    const weight = f.weights[k] ?? IDENTITY; // chars.length <= 15 = weights.length
    const term = vecTimesMat(vector(chars.charAt(k)), weight, f.modulus);
    sum = [(sum[0] + term[0]) % f.modulus, (sum[1] + term[1]) % f.modulus];
  }
  return sum;
}

/** The vector x with sum + x * P^15 = 0, i.e. x = -sum * (P^15)^-1. */
function solveLast(sum: Vec, f: Field): Vec {
  const negated: Vec = [(f.modulus - sum[0]) % f.modulus, (f.modulus - sum[1]) % f.modulus];
  return vecTimesMat(negated, f.lastInverse, f.modulus);
}

/** Check character of an already normalised base (14 uppercase ASCII letters or digits). */
function checkCharacterOf(base: string): string {
  const q = solveLast(
    weightedSum(base, F2, (c) => components(c).q),
    F2,
  );
  const r = solveLast(
    weightedSum(base, F3, (c) => components(c).r),
    F3,
  );
  return ALPHABET.charAt(9 * (2 * q[0] + q[1]) + 3 * r[0] + r[1]);
}

/**
 * Removes dashes and upper-cases, or returns undefined when anything but ASCII
 * letters, digits and dashes is present (checked before upper-casing, so that
 * e.g. "ſ" cannot turn into "S").
 */
function normalise(text: string): string | undefined {
  const compact = text.replace(/-/g, '');
  return /^[A-Za-z0-9]*$/.test(compact) ? compact.toUpperCase() : undefined;
}

/**
 * Computes the check character of a contract id (EMAID) from its 14-character
 * base: country code, provider id and instance, following "Check Digit
 * Calculation for Contract-IDs". Dashes are ignored and case does not matter.
 *
 * @param base - the contract id without its check character, e.g. "NL-TST-C12345678"
 * @returns the check character, one of 0-9 or uppercase A-Z
 * @throws {ConfigError} when `base` is not exactly 14 ASCII letters or digits once dashes are removed
 * @example
 * emaidCheckCharacter('NL-TST-C12345678'); // => 'S'
 * emaidCheckCharacter('de83duien83qgz'); // => 'D'
 */
export function emaidCheckCharacter(base: string): string {
  const normalised = typeof base === 'string' ? normalise(base) : undefined;
  if (normalised === undefined || normalised.length !== BASE_LENGTH) {
    throw usageError(
      ['base'],
      `an EMAID base needs exactly ${BASE_LENGTH} letters or digits (A-Z, 0-9; dashes are ignored), ` +
        `e.g. "NL-TST-C12345678", received ${describe(base)}`,
    );
  }
  return checkCharacterOf(normalised);
}

/**
 * Tells whether a text is a contract id (EMAID) with a correct check
 * character: once dashes are removed and letters upper-cased, 2 letters
 * (country code), 3 letters or digits (provider id), 9 letters or digits
 * (instance) and the check character of "Check Digit Calculation for
 * Contract-IDs". Never throws.
 *
 * @param contractId - the text to test, e.g. "NL-TST-C12345678-S" or "nltstc12345678s"
 * @returns true when the text is such a contract id, false for anything else
 * @example
 * isValidEmaid('NL-TST-C12345678-S'); // => true
 * isValidEmaid('NL-TST-C12345678-9'); // => false
 */
export function isValidEmaid(contractId: string): boolean {
  if (typeof contractId !== 'string') return false;
  const normalised = normalise(contractId);
  if (normalised === undefined || !/^[A-Z]{2}[A-Z0-9]{13}$/.test(normalised)) return false;
  return checkCharacterOf(normalised.slice(0, BASE_LENGTH)) === normalised.charAt(BASE_LENGTH);
}
