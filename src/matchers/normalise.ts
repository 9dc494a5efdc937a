const UID_SEPARATORS = /[\s:\-.]/g;
const HEX_PAIRS = /^(?:[0-9A-F]{2})+$/;
const EMAID_WITH_CHECK = /^[A-Z]{2}[A-Z0-9]{3}[A-Z0-9]{9}[A-Z0-9]$/;

/**
 * A token UID as compared: upper case, without separators (colons, dashes,
 * dots, spaces).
 *
 * @example normaliseUid('04:a2:3b'); // '04A23B'
 */
export function normaliseUid(uid: string): string {
  return uid.replace(UID_SEPARATORS, '').toUpperCase();
}

/**
 * The same UID with its bytes in the opposite order, for readers that report
 * it reversed; `null` when the normalised UID is not whole hex bytes.
 *
 * @example reverseUidBytes('04A23B'); // '3BA204'
 */
export function reverseUidBytes(normalisedUid: string): string | null {
  if (!HEX_PAIRS.test(normalisedUid)) return null;
  return (normalisedUid.match(/../g) ?? []).reverse().join('');
}

/**
 * A contract id as compared: upper case, without dashes or spaces, and for an
 * EMAID with its check character (15 characters), without that character, so
 * "NL-TST-C12345678-S" and "nltstc12345678" are the same contract. Whether the
 * check character is right is a separate question ({@link isValidEmaid}).
 *
 * @example normaliseContractId('NL-TST-C12345678-S'); // 'NLTSTC12345678'
 */
export function normaliseContractId(contractId: string): string {
  const compact = contractId.replace(/[\s-]/g, '').toUpperCase();
  return EMAID_WITH_CHECK.test(compact) ? compact.slice(0, 14) : compact;
}

/**
 * Any other identifier as compared (group, charge point, location, operator):
 * trimmed and upper case, as OCPI's case-insensitive strings are. Operator ids
 * also lose their `*` and `-` separators ("BE*MBF" = "BEMBF").
 *
 * @example normaliseId('acme'); // 'ACME'
 */
export function normaliseId(id: string): string {
  return id.trim().toUpperCase();
}

/** An operator id as compared: "BE*MBF", "be-mbf" and "BEMBF" are one operator. */
export function normaliseOperatorId(id: string): string {
  return id.replace(/[\s*-]/g, '').toUpperCase();
}
