/**
 * Reason codes of an invalid session: one per validity rule. Stable strings,
 * part of the public contract.
 * @example INVALID_REASON_CODES.slice(0, 3); // => ['token-rejected', 'energy-missing', 'energy-out-of-range']
 */
export const INVALID_REASON_CODES = [
  'token-rejected',
  'energy-missing',
  'energy-out-of-range',
  'energy-too-low',
  'end-before-start',
  'duration-too-short',
  'duration-too-long',
  'power-implausible',
  'start-too-early',
  'start-in-future',
  'stop-reason-invalid',
] as const;

/**
 * Reason codes of a valid session: what decided its type, and notes on why a
 * licence on the charge point did not apply or a contract id was not used.
 * @example VALID_REASON_CODES.slice(0, 3); // => ['split-billing-licence', 'whitelisted', 'public']
 */
export const VALID_REASON_CODES = [
  'split-billing-licence',
  'whitelisted',
  'public',
  'licence-not-applicable',
  'contract-id-unverified',
  'home-charging-not-licensed',
  'licence-without-home-charging',
] as const;

/** A code of {@link INVALID_REASON_CODES}. */
export type InvalidReasonCode = (typeof INVALID_REASON_CODES)[number];

/** Any reason code: a stable, machine-readable string. */
export type ReasonCode = InvalidReasonCode | (typeof VALID_REASON_CODES)[number];

/**
 * Why a session got its type: a stable code, a message in English, and for a
 * failed rule the measured value and the limit (as text), so a portal can
 * render its own message (or call `explainReason`).
 */
export interface Reason<Code extends ReasonCode = ReasonCode> {
  readonly code: Code;
  readonly message: string;
  /** What the session had, e.g. "350.001" (kWh) or "119.999" (seconds). */
  readonly actual?: string;
  /** The configured limit it broke, e.g. "350". */
  readonly limit?: string;
  /** The split billing licence the reason is about, e.g. "lic-1". */
  readonly licenceId?: string;
  /** The whitelist entry the reason is about, e.g. "wl-1". */
  readonly whitelistEntryId?: string;
}
