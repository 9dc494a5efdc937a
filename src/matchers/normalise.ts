import { isValidEmaid } from './emaid.js';

const UID_SEPARATORS = /[\s:\-.]/g;
const HEX_PAIRS = /^(?:[0-9A-F]{2})+$/;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
/** Text that every normalisation leaves as it is: ASCII with no lower-case letter, space or separator. */
const ALREADY_NORMAL = /^[0-9A-Z_]*$/;
const ASCII_LOWER = /[a-z]+/g;

/**
 * Upper-cases the ASCII letters a-z and nothing else, as OCPI compares its
 * case-insensitive strings: "ß" stays "ß" (never "SS") and "ſ" stays "ſ"
 * (never "S").
 *
 * @example asciiUpperCase('acme-ß'); // => 'ACME-ß'
 */
export function asciiUpperCase(text: string): string {
  // On ASCII text, toUpperCase maps exactly a-z; elsewhere only ASCII runs are mapped.
  return ASCII_ONLY.test(text) ? text.toUpperCase() : text.replace(ASCII_LOWER, (run) => run.toUpperCase());
}

/**
 * A token UID as compared: upper case, without separators (colons, dashes,
 * dots, spaces).
 *
 * @example normaliseUid('04:a2:3b'); // => '04A23B'
 */
export function normaliseUid(uid: string): string {
  if (ALREADY_NORMAL.test(uid)) return uid;
  return asciiUpperCase(uid.replace(UID_SEPARATORS, ''));
}

/**
 * The same UID with its bytes in the opposite order, for readers that report
 * it reversed; `null` when the normalised UID is not whole hex bytes.
 *
 * @example reverseUidBytes('04A23B'); // => '3BA204'
 */
export function reverseUidBytes(normalisedUid: string): string | null {
  if (!HEX_PAIRS.test(normalisedUid)) return null;
  return (normalisedUid.match(/../g) ?? []).reverse().join('');
}

/**
 * A contract id as compared: ASCII upper case, without dashes or spaces, and
 * for an EMAID whose 15th character is its right check character, without
 * that character, so "NL-TST-C12345678-S" and "nltstc12345678" are the same
 * contract. A 15th character that is not the check character is kept: it is
 * part of another id, never dropped.
 *
 * @example normaliseContractId('NL-TST-C12345678-S'); // => 'NLTSTC12345678'
 * @example normaliseContractId('NL-TST-C12345678-9'); // => 'NLTSTC123456789'
 */
export function normaliseContractId(contractId: string): string {
  const compact = asciiUpperCase(contractId.replace(/[\s-]/g, ''));
  return compact.length === 15 && isValidEmaid(compact) ? compact.slice(0, 14) : compact;
}

/**
 * Any other identifier as compared (group, charge point, location, operator):
 * trimmed and upper case, as OCPI's case-insensitive strings are. Operator ids
 * also lose their `*` and `-` separators ("BE*MBF" = "BEMBF").
 *
 * @example normaliseId('acme'); // => 'ACME'
 */
export function normaliseId(id: string): string {
  if (ALREADY_NORMAL.test(id)) return id;
  return asciiUpperCase(id.trim());
}

/**
 * An operator id as compared: "BE*MBF", "be-mbf" and "BEMBF" are one operator.
 *
 * @example normaliseOperatorId('be-mbf'); // => 'BEMBF'
 */
export function normaliseOperatorId(id: string): string {
  if (ALREADY_NORMAL.test(id)) return id;
  return asciiUpperCase(id.replace(/[\s*-]/g, ''));
}
