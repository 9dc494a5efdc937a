import { isValidEmaid } from './emaid.js';

const UID_SEPARATORS = /[\s:\-.]/g;
const HEX_PAIRS = /^(?:[0-9A-F]{2})+$/;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
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
  return alreadyNormal(uid) ? uid : uidSlowly(uid);
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
  return alreadyNormal(id) ? id : idSlowly(id);
}

/**
 * An operator id as compared: "BE*MBF", "be-mbf" and "BEMBF" are one operator.
 *
 * @example normaliseOperatorId('be-mbf'); // => 'BEMBF'
 */
export function normaliseOperatorId(id: string): string {
  return alreadyNormal(id) ? id : operatorIdSlowly(id);
}

/**
 * Identifiers of sessions normalised so far, per kind: a fleet's sessions name the same
 * cards and charge points again and again, and a remembered answer skips the
 * normalising and hands back a string whose hash is already known. Bounded:
 * cleared when full.
 */
const uids = new Map<string, string>();
const ids = new Map<string, string>();
const operatorIds = new Map<string, string>();
const REMEMBERED = 50_000;
const uidSlowly = (text: string) => asciiUpperCase(text.replace(UID_SEPARATORS, ''));
const idSlowly = (text: string) => asciiUpperCase(text.trim());
const operatorIdSlowly = (text: string) => asciiUpperCase(text.replace(/[\s*-]/g, ''));

/** Whether every normalisation leaves `text` as it is: 0-9, A-Z and `_` only, read character by character. */
function alreadyNormal(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // 0-9, A-Z, _
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || code === 95)) return false;
  }
  return true;
}

function remembered(known: Map<string, string>, text: string, normalise: (text: string) => string): string {
  if (alreadyNormal(text)) return text;
  let normalised = known.get(text);
  if (normalised === undefined) {
    normalised = normalise(text);
    if (known.size >= REMEMBERED) known.clear();
    known.set(text, normalised);
  }
  return normalised;
}

/** {@link normaliseUid} for a session's lookup: remembered. */
export const lookupUid = (uid: string): string => remembered(uids, uid, uidSlowly);
/** {@link normaliseId} for a session's lookup: remembered. */
export const lookupId = (id: string): string => remembered(ids, id, idSlowly);
/** {@link normaliseOperatorId} for a session's lookup: remembered. */
export const lookupOperatorId = (id: string): string => remembered(operatorIds, id, operatorIdSlowly);
