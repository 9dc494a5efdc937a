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
 * with P1 = [[0, 1], [1, 1]] over F2 and P2 = [[0, 1], [1, 2]] over F3. The
 * check character c15 is the one character that satisfies both equations
 * given c1..c14 (the characters' vectors cover each field's pairs once, and
 * P1^15 and P2^15 are invertible).
 */

/** The 36 characters in the order that numbers them 0..35. */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const BASE_LENGTH = 14;

/**
 * Whether an uppercase alphanumeric id satisfies both equations. The sums
 * are taken from the last character to the first, Horner's way:
 * (...((v15 * P + v14) * P + ...) + v1) * P, where (a, b) * [[0, 1], [1, c]] = (b, a + c * b).
 */
function satisfiesCheck(id: string): boolean {
  let q1 = 0;
  let q2 = 0;
  let r1 = 0;
  let r2 = 0;
  for (let k = id.length - 1; k >= 0; k--) {
    const v = ALPHABET.indexOf(id.charAt(k));
    const q = Math.floor(v / 9);
    const r = v % 9;
    const a = q1 + Math.floor(q / 2);
    const b = q2 + (q % 2);
    q1 = b % 2;
    q2 = (a + b) % 2;
    const c = r1 + Math.floor(r / 3);
    const d = r2 + (r % 3);
    r1 = d % 3;
    r2 = (c + 2 * d) % 3;
  }
  return q1 === 0 && q2 === 0 && r1 === 0 && r2 === 0;
}

/** Check character of an already normalised base (14 uppercase ASCII letters or digits): the one that satisfies the equations. */
function checkCharacterOf(base: string): string {
  return [...ALPHABET].find((char) => satisfiesCheck(base + char))!;
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
  return satisfiesCheck(normalised);
}
