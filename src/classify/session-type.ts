/**
 * The four session types, in the order the domain names them.
 *
 * @example SESSION_TYPES; // => ['normal', 'split-billing', 'whitelist', 'invalid']
 */
export const SESSION_TYPES = ['normal', 'split-billing', 'whitelist', 'invalid'] as const;

/**
 * What kind of session a session was: `normal` (public charging, paid from the
 * operational budget), `split-billing` (at the driver's home on a licensed
 * device, reimbursed per kWh), `whitelist` (free) or `invalid` (set aside,
 * never paid).
 */
export type SessionType = (typeof SESSION_TYPES)[number];
